<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="nb_NO">
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n sekund(er)</source>
        <translation>
            <numerusform>%n sekund</numerusform>
            <numerusform>%n sekunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutt(er)</source>
        <translation>
            <numerusform>%n minutt</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(r)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dag(er)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dager</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AuditPage</name>
    <message numerus="yes">
        <source>Loggen har %n hendelse(r). Ikke verifisert i denne økten.</source>
        <translation>
            <numerusform>Loggen har %n hendelse. Ikke verifisert i denne økten.</numerusform>
            <numerusform>Loggen har %n hendelser. Ikke verifisert i denne økten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.</source>
        <translation>
            <numerusform>Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.</numerusform>
            <numerusform>Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r).</source>
        <translation>
            <numerusform>%n hendelse.</numerusform>
            <numerusform>%n hendelser.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Viser de første %n hendelsene; rull ned for flere.</source>
        <translation>
            <numerusform>Viser den første hendelsen; rull ned for flere.</numerusform>
            <numerusform>Viser de første %n hendelsene; rull ned for flere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bevis for %n hendelse(r) er lagret i %1.</source>
        <translation>
            <numerusform>Bevis for %n hendelse er lagret i %1.</numerusform>
            <numerusform>Bevis for %n hendelser er lagret i %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r)</source>
        <translation>
            <numerusform>%n hendelse</numerusform>
            <numerusform>%n hendelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åpne funn fra deteksjonsreglene, %1 ikke tatt</source>
        <translation>
            <numerusform>%n åpent funn fra deteksjonsreglene, %1 ikke tatt</numerusform>
            <numerusform>%n åpne funn fra deteksjonsreglene, %1 ikke tatt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loggen er uendret: %1 hendelser og %n signerte trehode(r) stemmer (verifisert %2).</source>
        <translation>
            <numerusform>Loggen er uendret: %1 hendelser og %n signert trehode stemmer (verifisert %2).</numerusform>
            <numerusform>Loggen er uendret: %1 hendelser og %n signerte trehoder stemmer (verifisert %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CatalogPage</name>
    <message numerus="yes">
        <source>%n måned(er)</source>
        <translation>
            <numerusform>%n måned</numerusform>
            <numerusform>%n måneder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CouncilsPage</name>
    <message numerus="yes">
        <source>%n endringsønske(r)</source>
        <translation>
            <numerusform>%n endringsønske</numerusform>
            <numerusform>%n endringsønsker</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::FindingDialog</name>
    <message numerus="yes">
        <source>%n hendelse(r) som bevis.</source>
        <translation>
            <numerusform>%n hendelse som bevis.</numerusform>
            <numerusform>%n hendelser som bevis.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::IncidentsPage</name>
    <message numerus="yes">
        <source>%n hendelse(r)</source>
        <translation>
            <numerusform>%n hendelse</numerusform>
            <numerusform>%n hendelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::LossesTab</name>
    <message numerus="yes">
        <source>Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.</source>
        <translation>
            <numerusform>Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.</numerusform>
            <numerusform>Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::MainWindow</name>
    <message numerus="yes">
        <source>%1: %n venter</source>
        <translation>
            <numerusform>%1: %n venter</numerusform>
            <numerusform>%1: %n venter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ting venter på oppfølging</source>
        <translation>
            <numerusform>%n ting venter på oppfølging</numerusform>
            <numerusform>%n ting venter på oppfølging</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::MonitoringPage</name>
    <message numerus="yes">
        <source>%n åpne varsler.</source>
        <translation>
            <numerusform>%n åpent varsel.</numerusform>
            <numerusform>%n åpne varsler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åpne varsler</source>
        <translation>
            <numerusform>%n åpent varsel</numerusform>
            <numerusform>%n åpne varsler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lest %1. %n tjeneste(r) overvåkes.</source>
        <translation>
            <numerusform>Lest %1. %n tjeneste overvåkes.</numerusform>
            <numerusform>Lest %1. %n tjenester overvåkes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ikke nok data ennå for %2 (%n målepunkt(er))</source>
        <translation>
            <numerusform>%1: ikke nok data ennå for %2 (%n målepunkt)</numerusform>
            <numerusform>%1: ikke nok data ennå for %2 (%n målepunkter)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::OverviewPage</name>
    <message numerus="yes">
        <source>%n kritisk(e)</source>
        <translation>
            <numerusform>%n kritisk</numerusform>
            <numerusform>%n kritiske</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n advarsel(er)</source>
        <translation>
            <numerusform>%n advarsel</numerusform>
            <numerusform>%n advarsler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n til orientering</source>
        <translation>
            <numerusform>%n til orientering</numerusform>
            <numerusform>%n til orientering</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åpne varsler</source>
        <translation>
            <numerusform>%n åpent varsel</numerusform>
            <numerusform>%n åpne varsler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åpne funn i revisjonsloggen</source>
        <translation>
            <numerusform>%n åpent funn i revisjonsloggen</numerusform>
            <numerusform>%n åpne funn i revisjonsloggen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tjeneste(r) ikke oppe</source>
        <translation>
            <numerusform>%n tjeneste er ikke oppe</numerusform>
            <numerusform>%n tjenester er ikke oppe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alle %n tjenester er oppe.</source>
        <translation>
            <numerusform>Tjenesten er oppe.</numerusform>
            <numerusform>Alle %n tjenester er oppe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n oppføring(er) med ROS eller DPIA som mangler eller er for gammel</source>
        <translation>
            <numerusform>%n oppføring med ROS eller DPIA som mangler eller er for gammel</numerusform>
            <numerusform>%n oppføringer med ROS eller DPIA som mangler eller er for gamle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.</source>
        <translation>
            <numerusform>av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.</numerusform>
            <numerusform>av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::RiskPage</name>
    <message numerus="yes">
        <source>%n risiko(er) vises.</source>
        <translation>
            <numerusform>%n risiko vises.</numerusform>
            <numerusform>%n risikoer vises.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n berørt</source>
        <translation>
            <numerusform>%n berørt</numerusform>
            <numerusform>%n berørt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ved %2 når %n node(r).</source>
        <translation>
            <numerusform>%1 ved %2 når %n node.</numerusform>
            <numerusform>%1 ved %2 når %n noder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ny(e) gjennomgangsoppgave(r).</source>
        <translation>
            <numerusform>%n ny gjennomgangsoppgave.</numerusform>
            <numerusform>%n nye gjennomgangsoppgaver.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r) de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.</source>
        <translation>
            <numerusform>%n hendelse de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.</numerusform>
            <numerusform>%n hendelser de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Registeret (%n risiko(er)) er lagret i %1.</source>
        <translation>
            <numerusform>Registeret (%n risiko) er lagret i %1.</numerusform>
            <numerusform>Registeret (%n risikoer) er lagret i %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::StoriesTab</name>
    <message numerus="yes">
        <source>%n brukerhistorie(r) i trusselmodellen for %1, versjon %2.</source>
        <translation>
            <numerusform>%n brukerhistorie i trusselmodellen for %1, versjon %2.</numerusform>
            <numerusform>%n brukerhistorier i trusselmodellen for %1, versjon %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
