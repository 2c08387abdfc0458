# Bokmål singular and plural forms for the texts with a count: scripts/translate_plurals.py fills
# translations/vakt_nb.ts from this table after `lupdate -pluralonly` (see tests/translations_complete.sh).
# source -> (singular, plural)
forms = {
"%n endringsønske(r)": ("%n endringsønske", "%n endringsønsker"),
"%n sekund(er)": ("%n sekund", "%n sekunder"),
"%n minutt(er)": ("%n minutt", "%n minutter"),
"%n time(r)": ("%n time", "%n timer"),
"%n dag(er)": ("%n dag", "%n dager"),
"Loggen har %n hendelse(r). Ikke verifisert i denne økten.": ("Loggen har %n hendelse. Ikke verifisert i denne økten.", "Loggen har %n hendelser. Ikke verifisert i denne økten."),
"Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.": ("Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.", "Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort."),
"%n hendelse(r).": ("%n hendelse.", "%n hendelser."),
"Viser de første %n hendelsene; rull ned for flere.": ("Viser den første hendelsen; rull ned for flere.", "Viser de første %n hendelsene; rull ned for flere."),
"Bevis for %n hendelse(r) er lagret i %1.": ("Bevis for %n hendelse er lagret i %1.", "Bevis for %n hendelser er lagret i %1."),
"%n hendelse(r)": ("%n hendelse", "%n hendelser"),
"%n åpne funn fra deteksjonsreglene, %1 ikke tatt": ("%n åpent funn fra deteksjonsreglene, %1 ikke tatt", "%n åpne funn fra deteksjonsreglene, %1 ikke tatt"),
"%n måned(er)": ("%n måned", "%n måneder"),
"%n hendelse(r) som bevis.": ("%n hendelse som bevis.", "%n hendelser som bevis."),
"%1: %n venter": ("%1: %n venter", "%1: %n venter"),
"%n ting venter på oppfølging": ("%n ting venter på oppfølging", "%n ting venter på oppfølging"),
"%n åpne varsler.": ("%n åpent varsel.", "%n åpne varsler."),
"%n åpne varsler": ("%n åpent varsel", "%n åpne varsler"),
"Lest %1. %n tjeneste(r) overvåkes.": ("Lest %1. %n tjeneste overvåkes.", "Lest %1. %n tjenester overvåkes."),
"%1: ikke nok data ennå for %2 (%n målepunkt(er))": ("%1: ikke nok data ennå for %2 (%n målepunkt)", "%1: ikke nok data ennå for %2 (%n målepunkter)"),
"%n kritisk(e)": ("%n kritisk", "%n kritiske"),
"%n advarsel(er)": ("%n advarsel", "%n advarsler"),
"%n til orientering": ("%n til orientering", "%n til orientering"),
"%n åpne funn i revisjonsloggen": ("%n åpent funn i revisjonsloggen", "%n åpne funn i revisjonsloggen"),
"%n tjeneste(r) ikke oppe": ("%n tjeneste er ikke oppe", "%n tjenester er ikke oppe"),
"Alle %n tjenester er oppe.": ("Tjenesten er oppe.", "Alle %n tjenester er oppe."),
"%n oppføring(er) med ROS eller DPIA som mangler eller er for gammel": ("%n oppføring med ROS eller DPIA som mangler eller er for gammel", "%n oppføringer med ROS eller DPIA som mangler eller er for gamle"),
"av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.": ("av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.", "av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år."),
}
forms["Loggen er uendret: %1 hendelser og %n signerte trehode(r) stemmer (verifisert %2)."] = (
    "Loggen er uendret: %1 hendelser og %n signert trehode stemmer (verifisert %2).",
    "Loggen er uendret: %1 hendelser og %n signerte trehoder stemmer (verifisert %2).")
forms.update({
"%n risiko(er) vises.": ("%n risiko vises.", "%n risikoer vises."),
"%n berørt": ("%n berørt", "%n berørt"),
"%1 ved %2 når %n node(r).": ("%1 ved %2 når %n node.", "%1 ved %2 når %n noder."),
"%n ny(e) gjennomgangsoppgave(r).": ("%n ny gjennomgangsoppgave.", "%n nye gjennomgangsoppgaver."),
})
forms.update({
"Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.": (
    "Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.",
    "Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6."),
"%n hendelse(r) de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.": (
    "%n hendelse de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.",
    "%n hendelser de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser."),
"Registeret (%n risiko(er)) er lagret i %1.": ("Registeret (%n risiko) er lagret i %1.", "Registeret (%n risikoer) er lagret i %1."),
"%n brukerhistorie(r) i trusselmodellen for %1, versjon %2.": (
    "%n brukerhistorie i trusselmodellen for %1, versjon %2.", "%n brukerhistorier i trusselmodellen for %1, versjon %2."),
})
