<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nb">
<context>
    <name>AccessText</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Sluttet/flyttet</source>
        <translation>Left/moved</translation>
    </message>
    <message>
        <source>Ubrukt</source>
        <translation>Unused</translation>
    </message>
    <message>
        <source>Taushet uten hjemmel</source>
        <translation>Confidential, no legal basis</translation>
    </message>
    <message>
        <source>Utenfor område</source>
        <translation>Outside area</translation>
    </message>
    <message>
        <source>Bred integrasjon</source>
        <translation>Broad integration</translation>
    </message>
    <message>
        <source>Uvanlig</source>
        <translation>Unusual</translation>
    </message>
    <message>
        <source>Rollekonflikt</source>
        <translation>Role conflict</translation>
    </message>
    <message>
        <source>Administratortilgang: å beholde den krever en begrunnelse</source>
        <translation>Administrator access: keeping it requires a justification</translation>
    </message>
    <message>
        <source>Innehaveren har sluttet eller byttet rolle siden tilgangen ble gitt</source>
        <translation>The holder has left or changed role since the access was granted</translation>
    </message>
    <message>
        <source>Ikke brukt på %1 dager (revisjonsloggen)</source>
        <translation>Not used for %1 days (audit log)</translation>
    </message>
    <message>
        <source>Ingen bruk funnet i revisjonsloggen</source>
        <translation>No use found in the audit log</translation>
    </message>
    <message>
        <source>Gir tilgang til taushetsbelagte opplysninger uten oppgitt lovhjemmel</source>
        <translation>Gives access to confidential data without a stated legal basis</translation>
    </message>
    <message>
        <source>Folkeregisterrolle i tjenesteområdet «%1», men innehaveren arbeider i «%2»</source>
        <translation>Population register role in the service area “%1”, but the holder works in “%2”</translation>
    </message>
    <message>
        <source>ukjent område</source>
        <translation>unknown area</translation>
    </message>
    <message>
        <source>Integrasjon med vid tilgang: administrator, hele virksomheten eller mange scopes (%1)</source>
        <translation>Integration with broad access: administrator, the whole organisation or many scopes (%1)</translation>
    </message>
    <message>
        <source>%1 av %2 kolleger med samme rolle har denne</source>
        <translation>%1 of %2 colleagues with the same role have this</translation>
    </message>
    <message>
        <source>I konflikt med en regel for arbeidsdeling</source>
        <translation>In conflict with a separation-of-duties rule</translation>
    </message>
    <message>
        <source>I konflikt med regel for arbeidsdeling: %1</source>
        <translation>In conflict with separation-of-duties rule: %1</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Tjenesteadministrator</source>
        <translation>Service administrator</translation>
    </message>
    <message>
        <source>Rettighet</source>
        <translation>Permission</translation>
    </message>
    <message>
        <source>Folkeregisterrolle</source>
        <translation>Population register role</translation>
    </message>
    <message>
        <source>Beholdes</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Fjernes</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Reduseres</source>
        <translation>Reduce</translation>
    </message>
    <message>
        <source>Delegert</source>
        <translation>Delegated</translation>
    </message>
    <message>
        <source>Reduseres til %1</source>
        <translation>Reduce to %1</translation>
    </message>
    <message>
        <source>Delegert til %1</source>
        <translation>Delegated to %1</translation>
    </message>
    <message>
        <source>%1 (1. trinn), venter på 2. trinn</source>
        <translation>%1 (step 1), awaiting step 2</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Endringer siden sist</source>
        <translation>Changes since last</translation>
    </message>
    <message>
        <source>Sluttede</source>
        <translation>Leavers</translation>
    </message>
    <message>
        <source>Åpen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Lukket</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Eskaleres til eieren av gjennomgangen</source>
        <translation>Escalated to the owner of the review</translation>
    </message>
    <message>
        <source>Leder (fra eksporten)</source>
        <translation>Leader (from the export)</translation>
    </message>
    <message>
        <source>Produktansvarlig for tjenesten</source>
        <translation>Product owner of the service</translation>
    </message>
    <message>
        <source>Navngitt: %1</source>
        <translation>Named: %1</translation>
    </message>
    <message>
        <source>Integrasjon %1</source>
        <translation>Integration %1</translation>
    </message>
    <message>
        <source>virksomheter: %1</source>
        <translation>organisations: %1</translation>
    </message>
    <message>
        <source>tjenester: %1</source>
        <translation>services: %1</translation>
    </message>
    <message>
        <source>tilgangstyper: %1</source>
        <translation>access types: %1</translation>
    </message>
    <message>
        <source>alle tilganger</source>
        <translation>all access</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <source>person %1…</source>
        <translation>person %1…</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Foreslått</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Vurdert</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>Godkjent</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Avvist</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Utsatt</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Gjennomført</source>
        <translation>Implemented</translation>
    </message>
    <message>
        <source>Evaluert</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Hastendring</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Vedlikehold</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Brukerstøtte</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Prosjekt</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Vellykket</source>
        <translation>Successful</translation>
    </message>
    <message>
        <source>Delvis vellykket</source>
        <translation>Partly successful</translation>
    </message>
    <message>
        <source>Mislyktes</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Rullet tilbake</source>
        <translation>Rolled back</translation>
    </message>
    <message>
        <source>Tatt til orientering</source>
        <translation>Noted</translation>
    </message>
    <message>
        <source>Endringer som venter</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <source>Hastendringer siden sist</source>
        <translation>Emergency changes since last time</translation>
    </message>
    <message>
        <source>Hendelser siden sist</source>
        <translation>Incidents since last time</translation>
    </message>
    <message>
        <source>Faste saker</source>
        <translation>Standing items</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Tjenester</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Komponenter</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Forfalskning av identitet</source>
        <translation>Spoofing</translation>
    </message>
    <message>
        <source>Manipulering</source>
        <translation>Tampering</translation>
    </message>
    <message>
        <source>Fornekting</source>
        <translation>Repudiation</translation>
    </message>
    <message>
        <source>Informasjonslekkasje</source>
        <translation>Information disclosure</translation>
    </message>
    <message>
        <source>Tjenestenekt</source>
        <translation>Denial of service</translation>
    </message>
    <message>
        <source>Rettighetseskalering</source>
        <translation>Elevation of privilege</translation>
    </message>
    <message>
        <source>ikke vurdert</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>sikkerhetsrelevant</source>
        <translation>security-relevant</translation>
    </message>
    <message>
        <source>Overlapper %1 på %2</source>
        <translation>Overlaps %1 on %2</translation>
    </message>
    <message>
        <source>%1 overlapper på %2</source>
        <translation>%1 overlap on %2</translation>
    </message>
    <message>
        <source>%1 henger sammen med %2, som endres samtidig i %3</source>
        <translation>%1 is tied to %2, which changes at the same time in %3</translation>
    </message>
    <message>
        <source>%1 (%2) og %3 (%4) endres samtidig, og det ene henger sammen med det andre</source>
        <translation>%1 (%2) and %3 (%4) change at the same time, and one depends on the other</translation>
    </message>
    <message>
        <source>I frysperioden «%1»</source>
        <translation>In the freeze &quot;%1&quot;</translation>
    </message>
    <message>
        <source>(%1 er fryst)</source>
        <translation>(%1 is frozen)</translation>
    </message>
    <message>
        <source>(%1 er fryst fordi %2 avhenger av den)</source>
        <translation>(%1 is frozen because %2 depends on it)</translation>
    </message>
    <message>
        <source>Hastendring i frysperioden «%1»: begrunnelse %2</source>
        <translation>Emergency change in the freeze &quot;%1&quot;: reason %2</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>For mange endringer %1 (%2)</source>
        <translation>Too many changes on %1 (%2)</translation>
    </message>
    <message>
        <source>Endringen er sikkerhetsrelevant: sikkerhetsansvarlig må godkjenne den før rådet kan godkjenne den.</source>
        <translation>The change is security-relevant: the security officer must approve it before the board can.</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opprinnelse</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Mal</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Vindu</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Berører</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Tilbakerulling</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>ingen plan er beskrevet</source>
        <translation>no plan is described</translation>
    </message>
    <message>
        <source>Begrunnelse i frysperiode</source>
        <translation>Reason in a freeze</translation>
    </message>
    <message>
        <source>Meldt av</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Sist endret</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Ikke vurdert ennå.</source>
        <translation>Not assessed yet.</translation>
    </message>
    <message>
        <source>STRIDE: %1</source>
        <translation>STRIDE: %1</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Sannsynlighet %1 av 5, konsekvens %2 av 5 (risiko %3)</source>
        <translation>Likelihood %1 of 5, consequence %2 of 5 (risk %3)</translation>
    </message>
    <message>
        <source>Sikkerhetsrelevant</source>
        <translation>Security-relevant</translation>
    </message>
    <message>
        <source>Ikke sikkerhetsrelevant</source>
        <translation>Not security-relevant</translation>
    </message>
    <message>
        <source>Sikkerhetsvurdering</source>
        <translation>Security assessment</translation>
    </message>
    <message>
        <source>Sikkerhetsansvarlig</source>
        <translation>Security officer</translation>
    </message>
    <message>
        <source>har ikke samtykket ennå</source>
        <translation>has not consented yet</translation>
    </message>
    <message>
        <source>samtykket (%1)</source>
        <translation>consented (%1)</translation>
    </message>
    <message>
        <source>av %1, %2</source>
        <translation>by %1, %2</translation>
    </message>
    <message>
        <source>Vilkår:</source>
        <translation>Conditions:</translation>
    </message>
    <message>
        <source>Beslutning</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>ikke besluttet</source>
        <translation>not decided</translation>
    </message>
    <message>
        <source>Evaluering</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>ROS-gjennomganger</source>
        <translation>ROS reviews</translation>
    </message>
    <message>
        <source>%1 oppgaver opprettet for ROS-ene langs verdikjeden</source>
        <translation>%1 tasks created for the ROS documents along the value chain</translation>
    </message>
    <message>
        <source>ingen oppgaver opprettet</source>
        <translation>no tasks created</translation>
    </message>
    <message>
        <source>Hendelse %1</source>
        <translation>Incident %1</translation>
    </message>
    <message>
        <source>Hendelse %1: %2</source>
        <translation>Incident %1: %2</translation>
    </message>
    <message>
        <source>Forårsaket</source>
        <translation>Caused</translation>
    </message>
    <message>
        <source>Ingen konflikter i kalenderen.</source>
        <translation>No conflicts in the calendar.</translation>
    </message>
    <message>
        <source>Ingen vindu er satt ennå.</source>
        <translation>No window is set yet.</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>Councils</name>
    <message>
        <source>Mottatt</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Under vurdering</source>
        <translation>Under consideration</translation>
    </message>
    <message>
        <source>Akseptert</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Levert</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Avvist</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Brukermøte</source>
        <translation>User meeting</translation>
    </message>
    <message>
        <source>Brukerrådsmøte</source>
        <translation>User council meeting</translation>
    </message>
    <message>
        <source>Holdt</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Avlyst</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Brukerrådet har bare %1 medlemmer; det skal ha minst 5. Velg nye medlemmer på et brukermøte.</source>
        <translation>The user council has only %1 members; it must have at least 5. Elect new members at a user meeting.</translation>
    </message>
    <message>
        <source>Fra %1 har brukerrådet bare %2 medlemmer fordi perioder går ut; det skal ha minst 5.</source>
        <translation>From %1 the user council has only %2 members because terms expire; it must have at least 5.</translation>
    </message>
    <message>
        <source>Perioden til %1 går ut %2, om %3 dager.</source>
        <translation>The term of %1 expires %2, in %3 days.</translation>
    </message>
    <message>
        <source>Perioden til %1 gikk ut %2: velg en etterfølger eller registrer at medlemmet har gått ut.</source>
        <translation>The term of %1 expired %2: elect a successor or record that the member has left.</translation>
    </message>
    <message>
        <source>Det er ikke holdt brukermøte siden %1; det skal holdes minst én gang i året.</source>
        <translation>No user meeting has been held since %1; one must be held at least once a year.</translation>
    </message>
    <message>
        <source>Det er ikke holdt noe brukermøte for tjenesten ennå.</source>
        <translation>No user meeting has been held for the service yet.</translation>
    </message>
    <message>
        <source>Sitter</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>Gått ut %1</source>
        <translation>Left %1</translation>
    </message>
    <message>
        <source>Gått ut %1 (%2)</source>
        <translation>Left %1 (%2)</translation>
    </message>
    <message>
        <source>Ikke begynt</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Perioden er ute</source>
        <translation>Term expired</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Aktør</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Organisasjon</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>
Ingen bevis ennå: hendelsen er ikke med i et signert trehode (%1).</source>
        <translation>
No proof yet: the event is not in a signed tree head (%1).</translation>
    </message>
    <message>
        <source>
Bevis: hendelse %1 står i treet med %2 hendelser (rot %3), signert %4. %5</source>
        <translation>
Proof: event %1 is in the tree of %2 events (root %3), signed %4. %5</translation>
    </message>
    <message>
        <source>Beviset holder.</source>
        <translation>The proof holds.</translation>
    </message>
    <message>
        <source>Beviset holder ikke: hendelsen, treet eller signaturen stemmer ikke med loggens nøkkel.</source>
        <translation>The proof does not hold: the event, the tree or the signature does not match the log&apos;s key.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n sekund(er)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutt(er)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(r)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dag(er)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>aldri</source>
        <translation>never</translation>
    </message>
    <message>
        <source>for %1 siden</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>Verdien ble ikke godtatt.</source>
        <translation>The value was not accepted.</translation>
    </message>
    <message>
        <source>Rollen din har ikke tilgang til dette.</source>
        <translation>Your role does not have access to this.</translation>
    </message>
    <message>
        <source>Fant ikke det du ba om. Det kan være fjernet av en annen.</source>
        <translation>What you asked for was not found. Someone else may have removed it.</translation>
    </message>
    <message>
        <source>Det går ikke nå: dataene er endret eller i en tilstand som ikke tillater det.</source>
        <translation>This cannot be done now: the data has changed or is in a state that does not allow it.</translation>
    </message>
    <message>
        <source>Kunne ikke lese eller skrive databasen eller en fil.</source>
        <translation>Could not read or write the database or a file.</translation>
    </message>
    <message>
        <source>En intern feil oppsto. Meld fra til de som drifter Vakt.</source>
        <translation>An internal error occurred. Please tell the people who run Vakt.</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Produktkatalog</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Revisjonslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Oversikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Oversikt&lt;/h3&gt;&lt;p&gt;Det som venter på deg nå: åpne varsler og hendelser etter alvorlighet, åpne funn fra deteksjonsreglene, tjenester som ikke er oppe og ROS-analyser og DPIA-er som er for gamle eller mangler.&lt;/p&gt;&lt;p&gt;Klikk på et tall for å åpne listen bak det. Tallene i sidestolpen viser det samme for hver side.&lt;/p&gt;&lt;p&gt;&lt;b&gt;F5&lt;/b&gt; oppdaterer, &lt;b&gt;Ctrl+F&lt;/b&gt; går til sidens søk, &lt;b&gt;F1&lt;/b&gt; viser denne hjelpen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Overview&lt;/h3&gt;&lt;p&gt;What waits for you now: open alerts and incidents by severity, open findings of the detection rules, services that are not up, and risk assessments (ROS) and DPIAs that are too old or missing.&lt;/p&gt;&lt;p&gt;Click a figure to open the list behind it. The counts in the sidebar show the same for each page.&lt;/p&gt;&lt;p&gt;&lt;b&gt;F5&lt;/b&gt; refreshes, &lt;b&gt;Ctrl+F&lt;/b&gt; goes to the page&apos;s search, &lt;b&gt;F1&lt;/b&gt; shows this help.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Drift&lt;/h3&gt;&lt;p&gt;Tilstanden til hver tjeneste slik vakt-collector måler den: oppe, redusert (et åpent varsel eller noen mål svarer ikke) eller nede, tilgjengelighet, feilrate og responstid.&lt;/p&gt;&lt;p&gt;Hvert tall sier hvor gammelt det er og hvor mye data det bygger på. Har collectoren ikke rapportert på en stund, sier en rød melding øverst det, og ingen tjeneste vises som oppe.&lt;/p&gt;&lt;p&gt;Velg en tjeneste for å se grafen; velg periode over grafen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Operations&lt;/h3&gt;&lt;p&gt;The state of each service as vakt-collector measures it: up, degraded (an open alert, or some targets do not answer) or down, availability, error rate and response time.&lt;/p&gt;&lt;p&gt;Every figure says how old it is and how much data it rests on. When the collector has not reported for a while, a red message at the top says so, and no service is shown as up.&lt;/p&gt;&lt;p&gt;Select a service to see its chart; choose the range above the chart.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Revisjonslogg&lt;/h3&gt;&lt;p&gt;Hvem slo opp denne personen, og hva gjorde denne ansatte eller integrasjonen? Fødselsnummer og d-nummer kontrolleres før søket og vises aldri tilbake; loggen har bare pseudonymer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Funn&lt;/b&gt; fra deteksjonsreglene står øverst. Åpne et funn for å se hendelsene bak det med bevis, og ta det eller lukk det med en begrunnelse. Alt du søker på og åpner, føres i endringsloggen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Verifiser loggen&lt;/b&gt; regner hele loggen om og sjekker de signerte trehodene.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Audit log&lt;/h3&gt;&lt;p&gt;Who looked up this person, and what did this employee or integration do? National identity numbers and D numbers are checked before searching and never shown back; the log holds only pseudonyms.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Findings&lt;/b&gt; of the detection rules are at the top. Open a finding to see the events behind it with their proofs, and take it or close it with a reason. Everything you search for and open is recorded in the audit trail.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Verify the log&lt;/b&gt; recomputes the whole log and checks the signed tree heads.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Produktkatalog&lt;/h3&gt;&lt;p&gt;Alle tjenester og komponenter plattformen leverer, med produktansvarlig, avhengigheter, nasjonale felleskomponenter, roller og dokumenter (ROS-analyse og DPIA).&lt;/p&gt;&lt;p&gt;Søk og filtrer i listen til venstre; velg en oppføring for å se og endre den. Endringer lagres med &lt;b&gt;Lagre&lt;/b&gt; og føres i endringsloggen. ROS og DPIA skal fornyes minst hvert år: filteret &lt;i&gt;ROS eller DPIA mangler/er utdatert&lt;/i&gt; viser hva som er for gammelt eller mangler.&lt;/p&gt;&lt;p&gt;Lesetilgang: feltene er grå og kan ikke endres.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Service catalogue&lt;/h3&gt;&lt;p&gt;Every service and component the platform delivers, with product owner, dependencies, national components, roles and documents (risk assessment and DPIA).&lt;/p&gt;&lt;p&gt;Search and filter the list on the left; select an entry to see and edit it. Changes are saved with &lt;b&gt;Save&lt;/b&gt; and recorded in the audit trail. ROS and DPIA must be renewed at least every year: the filter &lt;i&gt;ROS or DPIA missing/outdated&lt;/i&gt; shows what is too old or missing.&lt;/p&gt;&lt;p&gt;Read-only access: the fields are grey and cannot be changed.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Risiko</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Risiko og ROS&lt;/h3&gt;&lt;p&gt;Risikoregisteret for alle tjenester: trusler som reglene finner i trusselmodellene (STRIDE), med sannsynlighet, konsekvens per dimensjon, tiltak og beslutninger.&lt;/p&gt;&lt;p&gt;Risikomatrisen viser hvor risikoene ligger; klikk en rute for å se bare dem. Over akseptkriteriene kan bare risikoeieren akseptere, med begrunnelse og utløpsdato, og aldri den som vurderte risikoen. Aksepten faller bort når den utløper eller nivået stiger.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tjeneste&lt;/b&gt; viser dataflytdiagrammet og truslene. &lt;b&gt;Konsekvens av endring&lt;/b&gt; viser hvem en endring, sårbarhet, hendelse eller et avbrudd når gjennom verdikjeden, og lager oppgaver for ROS-ene som må gjennomgås.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Risk and ROS&lt;/h3&gt;&lt;p&gt;The risk register of every service: threats the rules find in the threat models (STRIDE), with likelihood, consequence per dimension, measures and decisions.&lt;/p&gt;&lt;p&gt;The risk matrix shows where the risks lie; click a cell to see only those. Above the acceptance criteria only the risk owner may accept, with a justification and an expiry date, and never the one who assessed the risk. The acceptance lapses when it expires or the level rises.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Service&lt;/b&gt; shows the data-flow diagram and the threats. &lt;b&gt;Impact of change&lt;/b&gt; shows whom a change, vulnerability, incident or outage reaches through the value chain, and creates tasks for the ROS documents that must be reviewed.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hendelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Hendelser&lt;/h3&gt;&lt;p&gt;Alle saker: spørsmål og feilmeldinger fra brukerstøtte, driftsavvik fra overvåkingen, sikkerhetshendelser og personvernbrudd. Køen viser det mest hastende først: åpne saker, prioritet og nærmeste frist. &lt;i&gt;Frist&lt;/i&gt; teller ned til svarfristen og deretter løsningsfristen; rødt er forfalt. For personvernbrudd vises 72-timersfristen til Datatilsynet til bruddet er meldt.&lt;/p&gt;&lt;p&gt;Filtrer på kø, status, prioritet og type, &lt;i&gt;Bare forfalte&lt;/i&gt; og &lt;i&gt;Mine&lt;/i&gt;, eller søk. &lt;b&gt;Ny hendelse&lt;/b&gt; (&lt;b&gt;Ctrl+N&lt;/b&gt;) registrerer en sak. Velg en sak for å se fristene, koblingene, berørte virksomheter og tidslinjen, og endre status, prioritet eller tildeling med et notat. Velg flere saker (Ctrl- eller Shift-klikk) for å endre dem samlet; du får vite hvilke som ikke ble endret, og hvorfor.&lt;/p&gt;&lt;p&gt;Sikkerhetshendelser og personvernbrudd håndteres av sikkerhetsansvarlig: brukerstøtte eskalerer en sak med &lt;b&gt;Eskaler til sikkerhet&lt;/b&gt;. &lt;b&gt;Varsle berørte&lt;/b&gt; skriver et varsel til hver virksomhet med avtale på sakens tjenester.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Incidents&lt;/h3&gt;&lt;p&gt;Every case: questions and fault reports from the service desk, operational deviations from monitoring, security incidents and personal-data breaches. The queue shows the most urgent first: open cases, priority and the nearest deadline. &lt;i&gt;Due&lt;/i&gt; counts down to the response deadline and then the resolution deadline; red is overdue. For a personal-data breach the 72-hour deadline for notifying Datatilsynet is shown until the breach is notified.&lt;/p&gt;&lt;p&gt;Filter by queue, state, priority and type, &lt;i&gt;Overdue only&lt;/i&gt; and &lt;i&gt;Mine&lt;/i&gt;, or search. &lt;b&gt;New incident&lt;/b&gt; (&lt;b&gt;Ctrl+N&lt;/b&gt;) records a case. Select a case to see its deadlines, links, affected organisations and timeline, and change its state, priority or assignment with a note. Select several cases (Ctrl- or Shift-click) to change them together; you are told which were not changed, and why.&lt;/p&gt;&lt;p&gt;Security incidents and personal-data breaches are handled by the security officer: the service desk escalates a case with &lt;b&gt;Escalate to security&lt;/b&gt;. &lt;b&gt;Notify affected&lt;/b&gt; writes a notice to every organisation with an agreement on the case&apos;s services.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endringer</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Endringer&lt;/h3&gt;&lt;p&gt;Endringsrådets saker: endringer fra drift, forvaltning, brukerstøtte og prosjekter, hver med sin sikkerhetsvurdering (STRIDE, sannsynlighet og konsekvens). &lt;i&gt;Liste&lt;/i&gt; viser det som venter på rådet først; filtrer på status og på tjenesten eller komponenten endringen berører, eller søk. Velg en endring for å se vinduet, vurderingen, beslutningen med vilkår, samtykket fra sikkerhetsansvarlig, ROS-oppgavene godkjenningen laget og hendelsene den forårsaket. Konflikter vises som advarsler: samme eller avhengige tjenester i samme vindu, frysperioder og for mange endringer på én dag.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ny endring&lt;/b&gt; (&lt;b&gt;Ctrl+N&lt;/b&gt;) melder en endring; en standardendring lages fra en forhåndsgodkjent mal. En sikkerhetsrelevant endring godkjennes aldri uten sikkerhetsansvarlig, og i en frysperiode godkjennes bare hastendringer med begrunnelse.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Kalender&lt;/i&gt; viser måneden: fete datoer har endringer, røde har konflikter og skraverte er frosset. &lt;i&gt;Møte&lt;/i&gt; åpner ukens møte med dagsordenen Vakt setter opp. Registrer hvem som er til stede, gå gjennom sakene med &lt;b&gt;Forrige&lt;/b&gt; og &lt;b&gt;Neste&lt;/b&gt; og fatt en beslutning på hver. &lt;b&gt;Avslutt møtet og lag referat&lt;/b&gt; skriver referatet, fører SHA-256 i endringsloggen og signerer det med virksomhetens nøkkel når den finnes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Changes&lt;/h3&gt;&lt;p&gt;The change advisory board&apos;s cases: changes from operations, maintenance, the service desk and projects, each with its security assessment (STRIDE, likelihood and consequence). &lt;i&gt;List&lt;/i&gt; shows what waits for the board first; filter by state and by the service or component the change touches, or search. Select a change to see its window, the assessment, the decision with conditions, the security officer&apos;s consent, the ROS tasks its approval created and the incidents it caused. Conflicts are shown as warnings: the same or dependent services in the same window, freezes, and too many changes in one day.&lt;/p&gt;&lt;p&gt;&lt;b&gt;New change&lt;/b&gt; (&lt;b&gt;Ctrl+N&lt;/b&gt;) requests a change; a standard change is made from a pre-approved template. A security-relevant change is never approved without the security officer, and in a freeze only emergency changes with a reason are approved.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Calendar&lt;/i&gt; shows the month: bold dates have changes, red ones conflicts and hatched ones are frozen. &lt;i&gt;Meeting&lt;/i&gt; opens this week&apos;s meeting with the agenda Vakt prepares. Record who is present, walk through the items with &lt;b&gt;Previous&lt;/b&gt; and &lt;b&gt;Next&lt;/b&gt; and decide each one. &lt;b&gt;Close the meeting and write the minutes&lt;/b&gt; writes the minutes, records their SHA-256 in the audit trail and signs them with the organisation&apos;s key when there is one.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tilgangsgjennomgang</source>
        <translation>Access review</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tilgangsgjennomgang&lt;/h3&gt;&lt;p&gt;Hvem har tilgang til hva på plattformen, og trenger de den fortsatt? Som leder eller produktansvarlig ser du bare tilgangene du skal gjennomgå. Flaggede tilganger står øverst; hold musen over et flagg for å se hvorfor, f.eks. at tilgangen ikke er brukt på 90 dager.&lt;/p&gt;&lt;p&gt;Avgjør med tastaturet i tabellen: &lt;b&gt;B&lt;/b&gt; beholder, &lt;b&gt;F&lt;/b&gt; fjerner, &lt;b&gt;R&lt;/b&gt; reduserer (du blir spurt hva tilgangen skal bli), &lt;b&gt;D&lt;/b&gt; delegerer (du blir spurt hvem som skal avgjøre). Neste åpne tilgang blir valgt. Enter og mellomrom avgjør ingenting, så ingenting beholdes ved et uhell. En administratortilgang beholdes bare med en begrunnelse (&lt;b&gt;Ctrl+Enter&lt;/b&gt; bekrefter). Ingen gjennomgår sine egne tilganger.&lt;/p&gt;&lt;p&gt;Sikkerhetsansvarlig importerer eksporten av tilganger fra plattformen, starter gjennomganger, følger framdriften per gjennomgåer, minner på, og lukker gjennomgangen med en attestasjon signert med virksomhetens nøkkel. &lt;b&gt;Kontroller attestasjon&lt;/b&gt; sjekker en attestasjonsfil mot nøkkelen i nøkkelmappen, aldri mot en nøkkel i filen. Revisor ser alt, men endrer ingenting.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Access review&lt;/h3&gt;&lt;p&gt;Who has access to what on the platform, and do they still need it? As a leader or product owner you see only the access grants you are to review. Flagged grants are at the top; hover over a flag to see why, e.g. that the access has not been used for 90 days.&lt;/p&gt;&lt;p&gt;Decide with the keyboard in the table: &lt;b&gt;B&lt;/b&gt; keeps, &lt;b&gt;F&lt;/b&gt; revokes, &lt;b&gt;R&lt;/b&gt; reduces (you are asked what the access should become), &lt;b&gt;D&lt;/b&gt; delegates (you are asked who should decide). The next open grant is selected. Enter and space decide nothing, so nothing is kept by accident. An administrator grant is kept only with a justification (&lt;b&gt;Ctrl+Enter&lt;/b&gt; confirms). Nobody reviews their own access.&lt;/p&gt;&lt;p&gt;The security officer imports the access export from the platform, starts reviews, follows progress per reviewer, sends reminders, and closes the review with an attestation signed with the organisation&apos;s key. &lt;b&gt;Verify attestation&lt;/b&gt; checks an attestation file against the key in the key folder, never against a key in the file. The auditor sees everything but changes nothing.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Brukerråd</source>
        <translation>User councils</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Brukerråd&lt;/h3&gt;&lt;p&gt;Brukermøtet og brukerrådet for hver tjeneste. Velg tjenesten øverst. &lt;i&gt;Brukerrådet&lt;/i&gt; viser medlemmene og periodene deres; røde varsler sier at rådet har færre enn 5 medlemmer, at perioder går ut innen 60 dager eller er ute, eller at det ikke er holdt brukermøte på et år.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Brukermøter&lt;/i&gt;: alle med avtale om tjenesten kan komme. Sett opp møtet, &lt;b&gt;Inviter alle med avtale&lt;/b&gt;, før oppmøtet og velg brukerrådet: 5 til 8 representanter fra virksomheter som var til stede, én per virksomhet. Vakt sier fra mens du fyller ut hvis valget bryter reglene.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Endringsønsker&lt;/i&gt; kommer fra virksomhetene eller fra saker i brukerstøtte. Produktansvarlig svarer og setter status og kvartal; medlemmene fordeler poeng i en poengrunde (10 poeng hver som standard). &lt;i&gt;Veikart&lt;/i&gt; viser de aksepterte ønskene per kvartal, med flest poeng først. &lt;i&gt;Brukerrådsmøter&lt;/i&gt; har saksliste og referat. &lt;b&gt;Eksporter&lt;/b&gt; lagrer brukerrådet som HTML, JSON eller CSV.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;User councils&lt;/h3&gt;&lt;p&gt;The user meeting and the user council for each service. Choose the service at the top. &lt;i&gt;User council&lt;/i&gt; shows the members and their terms; red warnings say that the council has fewer than 5 members, that terms expire within 60 days or have expired, or that no user meeting has been held for a year.&lt;/p&gt;&lt;p&gt;&lt;i&gt;User meetings&lt;/i&gt;: everyone with an agreement for the service may attend. Set up the meeting, &lt;b&gt;Invite everyone with an agreement&lt;/b&gt;, record attendance and elect the user council: 5 to 8 representatives from organisations that were present, one per organisation. Vakt tells you while you fill in the form if the election breaks the rules.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Change requests&lt;/i&gt; come from the organisations or from support cases. The product owner responds and sets status and quarter; the members distribute points in a points round (10 points each by default). &lt;i&gt;Roadmap&lt;/i&gt; shows the accepted requests per quarter, with the most points first. &lt;i&gt;User council meetings&lt;/i&gt; have an agenda and minutes. &lt;b&gt;Export&lt;/b&gt; saves the user council as HTML, JSON or CSV.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rapporter&lt;/h3&gt;&lt;p&gt;Rapporter til ledelsen og revisorer, laget fra dataene teamene jobber i: modenhet mot NSMs grunnprinsipper, ROS, hendelser, tilgangsgjennomganger, endringsrådets referater, produktkatalogen og anvendelseserklæringen (SoA).&lt;/p&gt;&lt;p&gt;Velg rapport, periode og eventuelt tjeneste. &lt;b&gt;Forhåndsvis&lt;/b&gt; viser rapporten uten å lagre noe. &lt;b&gt;Lagre rapport&lt;/b&gt; (&lt;b&gt;Ctrl+S&lt;/b&gt;) skriver den som PDF, HTML, ODT (redigerbar), XLSX eller CSV, og fører filens SHA-256 i endringsloggen. Store rapporter lages i bakgrunnen; &lt;b&gt;Avbryt&lt;/b&gt; stopper dem.&lt;/p&gt;&lt;p&gt;Hver rapport viser dataenes dato, databasen, hvem som laget den og innholdets SHA-256. Du ser bare det rollen din kan lese i registrene rapporten bygger på.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reports&lt;/h3&gt;&lt;p&gt;Reports for management and auditors, made from the data the teams work in: maturity against NSM&apos;s basic principles, risk assessments (ROS), incidents, privilege reviews, the change board&apos;s minutes, the service catalogue and the Statement of Applicability (SoA).&lt;/p&gt;&lt;p&gt;Choose the report, the period and, if you like, a service. &lt;b&gt;Preview&lt;/b&gt; shows the report without saving anything. &lt;b&gt;Save report&lt;/b&gt; (&lt;b&gt;Ctrl+S&lt;/b&gt;) writes it as PDF, HTML, ODT (editable), XLSX or CSV and records the file&apos;s SHA-256 in the change log. Large reports are made in the background; &lt;b&gt;Cancel&lt;/b&gt; stops them.&lt;/p&gt;&lt;p&gt;Every report shows the data&apos;s date, the database, who made it and the SHA-256 of its content. You see only what your role may read in the registers the report draws on.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Forfalskning av identitet</source>
        <translation>Spoofing</translation>
    </message>
    <message>
        <source>Manipulering</source>
        <translation>Tampering</translation>
    </message>
    <message>
        <source>Fornekting</source>
        <translation>Repudiation</translation>
    </message>
    <message>
        <source>Informasjonslekkasje</source>
        <translation>Information disclosure</translation>
    </message>
    <message>
        <source>Tjenestenekt</source>
        <translation>Denial of service</translation>
    </message>
    <message>
        <source>Rettighetseskalering</source>
        <translation>Elevation of privilege</translation>
    </message>
    <message>
        <source>Endring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Sårbarhet</source>
        <translation>Vulnerability</translation>
    </message>
    <message>
        <source>Hendelse</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Driftsavbrudd</source>
        <translation>Outage</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Fylkeskommuner</source>
        <translation>County municipalities</translation>
    </message>
    <message>
        <source>Tjenester</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Komponenter</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Driftsleverandører</source>
        <translation>Hosting providers</translation>
    </message>
    <message>
        <source>Leverandører</source>
        <translation>Vendors</translation>
    </message>
    <message>
        <source>Leverandørsystemer</source>
        <translation>Vendor systems</translation>
    </message>
    <message>
        <source>Nasjonale felleskomponenter</source>
        <translation>National components</translation>
    </message>
    <message>
        <source>Virksomheter</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Åpen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Akseptert</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Håndtert</source>
        <translation>Mitigated</translation>
    </message>
    <message>
        <source>Falsk positiv</source>
        <translation>False positive</translation>
    </message>
    <message>
        <source>Lukket</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>%1 modeller analysert: %2 nye risikoer, %3 endret, %4 lukket.</source>
        <translation>%1 models analysed: %2 new risks, %3 changed, %4 closed.</translation>
    </message>
    <message>
        <source>utledet av regel %1 fra modellversjon %2</source>
        <translation>derived by rule %1 from model version %2</translation>
    </message>
    <message>
        <source>reises ikke lenger av modellversjon %1</source>
        <translation>no longer raised by model version %1</translation>
    </message>
    <message>
        <source>reist igjen av modellversjon %1</source>
        <translation>raised again by model version %1</translation>
    </message>
    <message>
        <source>aksepten utløp %1</source>
        <translation>the acceptance expired on %1</translation>
    </message>
    <message>
        <source>nivået steg fra %1 til %2</source>
        <translation>the level rose from %1 to %2</translation>
    </message>
    <message>
        <source>bevis: %1 hendelser på %2 dager (%3)</source>
        <translation>evidence: %1 incidents in %2 days (%3)</translation>
    </message>
    <message>
        <source>importert fra %1</source>
        <translation>imported from %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Sikkerhetsansvarlig</source>
        <translation>Security officer</translation>
    </message>
    <message>
        <source>Brukerstøtte</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Produktansvarlig</source>
        <translation>Product owner</translation>
    </message>
    <message>
        <source>Leder</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Endringsråd</source>
        <translation>Change advisory board</translation>
    </message>
    <message>
        <source>Revisor (lesetilgang)</source>
        <translation>Auditor (read-only)</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AccessPage</name>
    <message>
        <source>fjernes</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>reduseres</source>
        <translation>reduced</translation>
    </message>
    <message>
        <source>Tilgangsgjennomgang</source>
        <translation>Access review</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til tilgangsgjennomgangene.</source>
        <translation>Your role (%1) does not have access to the access reviews.</translation>
    </message>
    <message>
        <source>Til meg</source>
        <translation>Assigned to me</translation>
    </message>
    <message>
        <source>Lesetilgang: rollen din (%1) kan se gjennomgangene, framdriften, tilgangene og importene og kontrollere attestasjoner, men ikke endre noe.</source>
        <translation>Read-only access: your role (%1) can see the reviews, progress, access grants and imports and verify attestations, but cannot change anything.</translation>
    </message>
    <message>
        <source>Ny gjennomgang…</source>
        <translation>New review…</translation>
    </message>
    <message>
        <source>Påminn</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>Lukk og signer…</source>
        <translation>Close and sign…</translation>
    </message>
    <message>
        <source>Eksporter tilbaketrekkinger…</source>
        <translation>Export revocations…</translation>
    </message>
    <message>
        <source>Eksporter attestasjon…</source>
        <translation>Export attestation…</translation>
    </message>
    <message>
        <source>Kontroller attestasjon…</source>
        <translation>Verify attestation…</translation>
    </message>
    <message>
        <source>Gjennomgang</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Avgjort</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Flagget</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Tilbaketrekkinger</source>
        <translation>Revocations</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Gjennomganger</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>Gjennomgår</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Tilganger</source>
        <translation>Access grants</translation>
    </message>
    <message>
        <source>Gjenstår</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Forfalt</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Framdrift</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Alle tilganger</source>
        <translation>All access grants</translation>
    </message>
    <message>
        <source>Alle flaggede</source>
        <translation>All flagged</translation>
    </message>
    <message>
        <source>Flagg: %1</source>
        <translation>Flag: %1</translation>
    </message>
    <message>
        <source>Søk i innehaver, virksomhet, tjeneste eller detalj</source>
        <translation>Search holder, organisation, service or detail</translation>
    </message>
    <message>
        <source>Vis:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Importer tilganger…</source>
        <translation>Import access grants…</translation>
    </message>
    <message>
        <source>Hver eksport fra plattformen lagres for seg: importen viser hva som er nytt, fjernet og endret siden sist, og om tilbaketrekkingene fra lukkede gjennomganger er gjennomført.</source>
        <translation>Each export from the platform is stored separately: the import shows what is new, removed and changed since last time, and whether the revocations from closed reviews have been carried out.</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Importert</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Nye</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Fjernet</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Endret</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Tilbaketrekkinger kontrollert</source>
        <translation>Revocations checked</translation>
    </message>
    <message>
        <source>Ikke gjennomført</source>
        <translation>Not carried out</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>%1 av %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <source>Fristen er passert, og gjennomgangen er ikke lukket.</source>
        <translation>The due date has passed, and the review is not closed.</translation>
    </message>
    <message>
        <source>Gjennomgang: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <source>Velg en gjennomgang under «Gjennomganger».</source>
        <translation>Choose a review under “Reviews”.</translation>
    </message>
    <message>
        <source>Ingen gjennomgang er valgt.</source>
        <translation>No review is selected.</translation>
    </message>
    <message>
        <source>Omfang: %1</source>
        <translation>Scope: %1</translation>
    </message>
    <message>
        <source>Opprettet %1 av %2. Frist %3, påminnelse %4 dager før. Ubesvarte ved fristen: %5.</source>
        <translation>Created %1 by %2. Due %3, reminder %4 days before. Unanswered at the due date: %5.</translation>
    </message>
    <message>
        <source>To trinn: en til bekrefter hver avgjørelse.</source>
        <translation>Two steps: a second person confirms each decision.</translation>
    </message>
    <message>
        <source>Ett trinn.</source>
        <translation>One step.</translation>
    </message>
    <message>
        <source>Tilganger: %1, avgjort %2, flagget %3.</source>
        <translation>Access grants: %1, decided %2, flagged %3.</translation>
    </message>
    <message>
        <source>Øyeblikksbilde fra import %1, SHA-256 %2</source>
        <translation>Snapshot from import %1, SHA-256 %2</translation>
    </message>
    <message>
        <source>Lukket %1 av %2. Tilbaketrekkinger: %3.</source>
        <translation>Closed %1 by %2. Revocations: %3.</translation>
    </message>
    <message>
        <source>Attestasjon: SHA-256 %1, ikke signert.</source>
        <translation>Attestation: SHA-256 %1, not signed.</translation>
    </message>
    <message>
        <source>Attestasjon: SHA-256 %1, signert med virksomhetens nøkkel.</source>
        <translation>Attestation: SHA-256 %1, signed with the organisation&apos;s key.</translation>
    </message>
    <message>
        <source>(ingen kan gjennomgå)</source>
        <translation>(nobody can review)</translation>
    </message>
    <message>
        <source>Innehaveren er den eneste reglene peker på, også eieren av gjennomgangen. Velg en annen eier eller en navngitt regel.</source>
        <translation>The holder is the only one the rules point to, including the owner of the review. Choose another owner or a named rule.</translation>
    </message>
    <message>
        <source>Viser %1 av %2</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Tilganger som skulle vært fjernet eller redusert, finnes fortsatt i denne eksporten.</source>
        <translation>Access grants that should have been revoked or reduced are still present in this export.</translation>
    </message>
    <message>
        <source>ingen nøkkelmappe er oppgitt (--keys)</source>
        <translation>no key folder is given (--keys)</translation>
    </message>
    <message>
        <source>nøkkelmappen %1 kan ikke leses</source>
        <translation>the key folder %1 cannot be read</translation>
    </message>
    <message>
        <source>nøkkelmappen har ikke signeringsnøkkelen</source>
        <translation>the key folder does not contain the signing key</translation>
    </message>
    <message>
        <source>Rollen din kan se gjennomgangene, men ikke endre dem.</source>
        <translation>Your role can see the reviews, but not change them.</translation>
    </message>
    <message>
        <source>Start en gjennomgang av den siste importen (Ctrl+N).</source>
        <translation>Start a review of the latest import (Ctrl+N).</translation>
    </message>
    <message>
        <source>Les en eksport av tilgangene fra plattformen (CSV eller JSON).</source>
        <translation>Read an export of the access grants from the platform (CSV or JSON).</translation>
    </message>
    <message>
        <source>Bare åpne gjennomganger har noen å minne på.</source>
        <translation>Only open reviews have anyone to remind.</translation>
    </message>
    <message>
        <source>Fører en påminnelse for alle med åpne tilganger når fristen er nær, og kopierer adressene.</source>
        <translation>Records a reminder for everyone with open access grants when the due date is near, and copies the addresses.</translation>
    </message>
    <message>
        <source>Gjennomgangen er lukket.</source>
        <translation>The review is closed.</translation>
    </message>
    <message>
        <source>Kan ikke lukkes her: %1.</source>
        <translation>Cannot be closed here: %1.</translation>
    </message>
    <message>
        <source>Ubesvarte tilganger får utfallet som er valgt; attestasjonen signeres med virksomhetens nøkkel.</source>
        <translation>Unanswered access grants get the chosen outcome; the attestation is signed with the organisation&apos;s key.</translation>
    </message>
    <message>
        <source>Listen over tilganger som skal fjernes eller reduseres, som CSV eller JSON, til plattformens konfigurasjon.</source>
        <translation>The list of access grants to be revoked or reduced, as CSV or JSON, for the platform&apos;s configuration.</translation>
    </message>
    <message>
        <source>Listen er endelig når gjennomgangen er lukket.</source>
        <translation>The list is final when the review is closed.</translation>
    </message>
    <message>
        <source>Den signerte attestasjonen: hvem avgjorde hva, og når.</source>
        <translation>The signed attestation: who decided what, and when.</translation>
    </message>
    <message>
        <source>Attestasjonen lages når gjennomgangen lukkes.</source>
        <translation>The attestation is created when the review is closed.</translation>
    </message>
    <message>
        <source>Kontroller en attestasjonsfil mot den betrodde nøkkelen i nøkkelmappen.</source>
        <translation>Verify an attestation file against the trusted key in the key folder.</translation>
    </message>
    <message>
        <source>Kan ikke kontrollere her: %1.</source>
        <translation>Cannot verify here: %1.</translation>
    </message>
    <message>
        <source>Velg en gjennomgang i listen først.</source>
        <translation>Choose a review in the list first.</translation>
    </message>
    <message>
        <source>Fil: %1 (%2)</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <source>Importert %1 av %2</source>
        <translation>Imported %1 by %2</translation>
    </message>
    <message>
        <source>Tilganger: %1. Nye: %2. Fjernet: %3. Endret: %4.</source>
        <translation>Access grants: %1. New: %2. Removed: %3. Changed: %4.</translation>
    </message>
    <message>
        <source>Tilbaketrekkinger kontrollert: %1. Ikke gjennomført: %2.</source>
        <translation>Revocations checked: %1. Not carried out: %2.</translation>
    </message>
    <message>
        <source>Ikke gjennomført (finnes fortsatt i eksporten):</source>
        <translation>Not carried out (still present in the export):</translation>
    </message>
    <message>
        <source>  %1 skulle %2 (gjennomgang «%3»)</source>
        <translation>  %1 should have been %2 (review “%3”)</translation>
    </message>
    <message>
        <source>Nye tilganger:</source>
        <translation>New access grants:</translation>
    </message>
    <message>
        <source>Fjernede tilganger:</source>
        <translation>Removed access grants:</translation>
    </message>
    <message>
        <source>Endrede tilganger:</source>
        <translation>Changed access grants:</translation>
    </message>
    <message>
        <source>Kunne ikke lese %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 er importert: %2 tilganger, %3 nye, %4 fjernet, %5 endret.</source>
        <translation>%1 has been imported: %2 access grants, %3 new, %4 removed, %5 changed.</translation>
    </message>
    <message>
        <source>%1 tilbaketrekkinger fra lukkede gjennomganger er ikke gjennomført: tilgangene finnes fortsatt.</source>
        <translation>%1 revocations from closed reviews have not been carried out: the access grants still exist.</translation>
    </message>
    <message>
        <source>Gjennomgangen «%1» er opprettet med %2 tilganger, %3 av dem flagget.</source>
        <translation>The review “%1” has been created with %2 access grants, %3 of them flagged.</translation>
    </message>
    <message>
        <source>Gjennomgangen «%1» er opprettet.</source>
        <translation>The review “%1” has been created.</translation>
    </message>
    <message>
        <source>Ingen å minne på nå: ingen har åpne tilganger, eller fristen er mer enn %1 dager unna.</source>
        <translation>Nobody to remind now: nobody has open access grants, or the due date is more than %1 days away.</translation>
    </message>
    <message>
        <source>Påminnelsen er ført for %1: %2. Adressene er kopiert, så du kan sende dem e-post.</source>
        <translation>The reminder has been recorded for %1: %2. The addresses have been copied, so you can email them.</translation>
    </message>
    <message>
        <source>Gjennomgangen lukkes med en signert attestasjon, men %1.</source>
        <translation>The review is closed with a signed attestation, but %1.</translation>
    </message>
    <message>
        <source>«%1» er lukket. Attestasjonen er signert (SHA-256 %2), og listen over tilbaketrekkinger er endelig: %3.</source>
        <translation>“%1” is closed. The attestation is signed (SHA-256 %2), and the list of revocations is final: %3.</translation>
    </message>
    <message>
        <source>Kunne ikke skrive %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>%1 tilbaketrekkinger fra «%2» er lagret i %3.</source>
        <translation>%1 revocations from “%2” have been saved to %3.</translation>
    </message>
    <message>
        <source>Attestasjonen for «%1» er lagret i %2.</source>
        <translation>The attestation for “%1” has been saved to %2.</translation>
    </message>
    <message>
        <source>%1 kan ikke kontrolleres: %2. Vakt stoler bare på nøkkelen i nøkkelmappen, aldri på en nøkkel i filen.</source>
        <translation>%1 cannot be verified: %2. Vakt trusts only the key in the key folder, never a key in the file.</translation>
    </message>
    <message>
        <source>%1 kan ikke kontrolleres: %2</source>
        <translation>%1 cannot be verified: %2</translation>
    </message>
    <message>
        <source>%1: attestasjonen er ekte. Innholdet er uendret og signert med den betrodde nøkkelen fra nøkkelmappen.</source>
        <translation>%1: the attestation is genuine. The content is unchanged and signed with the trusted key from the key folder.</translation>
    </message>
    <message>
        <source>Innholdet stemmer ikke med det som ble signert.</source>
        <translation>The content does not match what was signed.</translation>
    </message>
    <message>
        <source>Signaturen er ikke gyldig for den betrodde nøkkelen.</source>
        <translation>The signature is not valid for the trusted key.</translation>
    </message>
    <message>
        <source>Attestasjonen holder ikke.</source>
        <translation>The attestation is not valid.</translation>
    </message>
    <message>
        <source>%1: attestasjonen holder ikke. %2 (%3)</source>
        <translation>%1: the attestation is not valid. %2 (%3)</translation>
    </message>
    <message>
        <source>Importer tilganger</source>
        <translation>Import access grants</translation>
    </message>
    <message>
        <source>Tilgangseksport (*.csv *.json);;Alle filer (*)</source>
        <translation>Access export (*.csv *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Import av tilganger</source>
        <translation>Access import</translation>
    </message>
    <message>
        <source>%1 er importert.</source>
        <translation>%1 has been imported.</translation>
    </message>
    <message>
        <source>%1 ble ikke importert. Ingenting er lagret; rett feilene under og importer filen på nytt.</source>
        <translation>%1 was not imported. Nothing has been saved; correct the errors below and import the file again.</translation>
    </message>
    <message>
        <source>Lukke «%1»? %2 tilganger er ikke avgjort og får utfallet «%3». Attestasjonen signeres med virksomhetens nøkkel, og avgjørelsene kan ikke endres etterpå.</source>
        <translation>Close “%1”? %2 access grants have not been decided and get the outcome “%3”. The attestation is signed with the organisation&apos;s key, and the decisions cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>Lukke «%1»? Attestasjonen signeres med virksomhetens nøkkel, og avgjørelsene kan ikke endres etterpå.</source>
        <translation>Close “%1”? The attestation is signed with the organisation&apos;s key, and the decisions cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>Lukk og signer</source>
        <translation>Close and sign</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Eksporter tilbaketrekkinger</source>
        <translation>Export revocations</translation>
    </message>
    <message>
        <source>Eksporter attestasjon</source>
        <translation>Export attestation</translation>
    </message>
    <message>
        <source>Attestasjon (*.json)</source>
        <translation>Attestation (*.json)</translation>
    </message>
    <message>
        <source>Kontroller attestasjon</source>
        <translation>Verify attestation</translation>
    </message>
    <message>
        <source>Attestasjon (*.json);;Alle filer (*)</source>
        <translation>Attestation (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>%1 er større enn %2 MB og leses ikke.</source>
        <translation>%1 is larger than %2 MB and is not read.</translation>
    </message>
    <message>
        <source>%1 er større enn %2 MB og er ingen attestasjon.</source>
        <translation>%1 is larger than %2 MB and is not an attestation.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AssessDialog</name>
    <message>
        <source>Sikkerhetsvurdering</source>
        <translation>Security assessment</translation>
    </message>
    <message>
        <source>Hvilke trusler kan endringen åpne for (STRIDE), hvor sannsynlig er det og hvor alvorlig blir det? En sikkerhetsrelevant endring må godkjennes av sikkerhetsansvarlig.</source>
        <translation>Which threats could the change open (STRIDE), how likely is it and how severe would it be? A security-relevant change must be approved by the security officer.</translation>
    </message>
    <message>
        <source>STRIDE:</source>
        <translation>STRIDE:</translation>
    </message>
    <message>
        <source>Sikkerhetsrelevant (må godkjennes av sikkerhetsansvarlig)</source>
        <translation>Security-relevant (must be approved by the security officer)</translation>
    </message>
    <message>
        <source>Sannsynlighet (1–5):</source>
        <translation>Likelihood (1–5):</translation>
    </message>
    <message>
        <source>Konsekvens (1–5):</source>
        <translation>Consequence (1–5):</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Hva vurderingen bygger på (valgfritt)</source>
        <translation>What the assessment rests on (optional)</translation>
    </message>
    <message>
        <source>Risiko: %1 × %2 = %3</source>
        <translation>Risk: %1 × %2 = %3</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AssignDialog</name>
    <message>
        <source>Tildel</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>(ingen – fjern tildelingen)</source>
        <translation>(nobody – remove the assignment)</translation>
    </message>
    <message>
        <source>Tildel til (brukernavn):</source>
        <translation>Assign to (username):</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Valgfritt</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AttendanceDialog</name>
    <message>
        <source>Oppmøte på brukermøtet</source>
        <translation>Attendance at the user meeting</translation>
    </message>
    <message>
        <source>Finn virksomhet</source>
        <translation>Find organisation</translation>
    </message>
    <message>
        <source>Virksomhet (kryss av for dem som kom)</source>
        <translation>Organisation (tick those who attended)</translation>
    </message>
    <message>
        <source>Representanter</source>
        <translation>Representatives</translation>
    </message>
    <message>
        <source>Krysset av: %1</source>
        <translation>Ticked: %1</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AuditPage</name>
    <message>
        <source>Revisjonslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Person (fødselsnummer eller d-nummer)</source>
        <translation>Person (national identity or D number)</translation>
    </message>
    <message>
        <source>Aktør (ansatt eller integrasjon)</source>
        <translation>Actor (employee or integration)</translation>
    </message>
    <message>
        <source>Søk etter</source>
        <translation>Search for</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Organisasjon</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Velg en hendelse for å se den og beviset for at den står i loggen.</source>
        <translation>Select an event to see it and the proof that it is in the log.</translation>
    </message>
    <message>
        <source>Verifiser loggen</source>
        <translation>Verify the log</translation>
    </message>
    <message numerus="yes">
        <source>Loggen har %n hendelse(r). Ikke verifisert i denne økten.</source>
        <translation>
            <numerusform>The log holds %n event. Not verified in this session.</numerusform>
            <numerusform>The log holds %n events. Not verified in this session.</numerusform>
        </translation>
    </message>
    <message>
        <source>Søk i revisjonsloggen krever rollen sikkerhetsansvarlig eller revisor.</source>
        <translation>Searching the audit log requires the security officer or auditor role.</translation>
    </message>
    <message>
        <source>Skriv inn hvem du vil søke etter.</source>
        <translation>Type in whom to search for.</translation>
    </message>
    <message>
        <source>Ingen hendelser i perioden.</source>
        <translation>No events in the period.</translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r).</source>
        <translation>
            <numerusform>%n event.</numerusform>
            <numerusform>%n events.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Viser de første %n hendelsene; rull ned for flere.</source>
        <translation>
            <numerusform>Showing the first %n event; scroll down for more.</numerusform>
            <numerusform>Showing the first %n events; scroll down for more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loggen er endret: %1</source>
        <translation>The log has been changed: %1</translation>
    </message>
    <message>
        <source>Alvorlighet</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Bevis</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Ingen åpne funn fra deteksjonsreglene.</source>
        <translation>No open findings from the detection rules.</translation>
    </message>
    <message>
        <source>Kritisk</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Advarsel</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Alle handlinger (for eksempel person.lookup)</source>
        <translation>All actions (for example person.lookup)</translation>
    </message>
    <message>
        <source>Tjeneste og handling</source>
        <translation>Service and action</translation>
    </message>
    <message>
        <source>Verifiserer loggen …</source>
        <translation>Verifying the log …</translation>
    </message>
    <message>
        <source>Alle alvorligheter</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Åpne funn</source>
        <translation>Open finding</translation>
    </message>
    <message>
        <source>Åpnet</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Tatt av</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Organisasjon eller dokument (id som i loggen)</source>
        <translation>Organisation or document (id as in the log)</translation>
    </message>
    <message>
        <source>Vis nummeret mens du skriver</source>
        <translation>Show the number while typing</translation>
    </message>
    <message>
        <source>Alle tjenester (navn eller nøkkel, for eksempel SvarUt)</source>
        <translation>All services (name or key, for example SvarUt)</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>Eksporter bevis …</source>
        <translation>Export evidence …</translation>
    </message>
    <message>
        <source>Lagrer hendelsene i søket med bevis som en fil til politiet eller Datatilsynet</source>
        <translation>Saves the events found, with their proofs, as a file for the police or the Data Protection Authority</translation>
    </message>
    <message>
        <source>Eksporter bevis</source>
        <translation>Export evidence</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Revisjonsloggen er ikke tilgjengelig: nøkkelmappen kan ikke leses (%1).</source>
        <translation>The audit log is not available: the key directory cannot be read (%1).</translation>
    </message>
    <message>
        <source>ingen mappe er oppgitt; bruk --keys</source>
        <translation>no directory was given; use --keys</translation>
    </message>
    <message>
        <source>11 sifre</source>
        <translation>11 digits</translation>
    </message>
    <message>
        <source>Ansattnummer eller integrasjons-id</source>
        <translation>Employee number or integration id</translation>
    </message>
    <message>
        <source>Id som i loggen</source>
        <translation>Id as in the log</translation>
    </message>
    <message>
        <source>Et fødselsnummer eller d-nummer har bare sifre. Ingen søk er gjort.</source>
        <translation>A national identity number or D number has only digits. Nothing was searched.</translation>
    </message>
    <message numerus="yes">
        <source>Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.</source>
        <translation>
            <numerusform>A national identity number or D number has 11 digits; you typed %n. Nothing was searched.</numerusform>
            <numerusform>A national identity number or D number has 11 digits; you typed %n. Nothing was searched.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kontrollsifrene stemmer ikke: nummeret er skrevet feil. Ingen søk er gjort.</source>
        <translation>The check digits do not match: the number is mistyped. Nothing was searched.</translation>
    </message>
    <message>
        <source>Bevis ble ikke eksportert: %1</source>
        <translation>Evidence was not exported: %1</translation>
    </message>
    <message>
        <source>Kunne ikke skrive %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Bevis for %n hendelse(r) er lagret i %1.</source>
        <translation>
            <numerusform>Evidence for %n event was saved in %1.</numerusform>
            <numerusform>Evidence for %n events was saved in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åpne funn fra deteksjonsreglene, %1 ikke tatt</source>
        <translation>
            <numerusform>%n open finding of the detection rules, %1 not taken</numerusform>
            <numerusform>%n open findings of the detection rules, %1 not taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loggen er uendret: %1 hendelser og %n signerte trehode(r) stemmer (verifisert %2).</source>
        <translation>
            <numerusform>The log is unchanged: %1 events and %n signed tree head match (verified %2).</numerusform>
            <numerusform>The log is unchanged: %1 events and %n signed tree heads match (verified %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::AuthorityDialog</name>
    <message>
        <source>Meld til Datatilsynet</source>
        <translation>Notify Datatilsynet</translation>
    </message>
    <message>
        <source>Et brudd på personopplysningssikkerheten skal meldes til Datatilsynet innen 72 timer etter at det ble kjent (kjent %1). Før inn når meldingen ble sendt og Datatilsynets saksnummer eller kvitteringen.</source>
        <translation>A personal-data breach must be notified to Datatilsynet within 72 hours of becoming known (known %1). Record when the notification was sent and Datatilsynet&apos;s case number or the receipt.</translation>
    </message>
    <message>
        <source>Meldt (%1):</source>
        <translation>Notified (%1):</translation>
    </message>
    <message>
        <source>Referanse:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <source>Skriv Datatilsynets saksnummer eller kvitteringen.</source>
        <translation>Enter Datatilsynet&apos;s case number or the receipt.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CatalogModel</name>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Komponent</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Under utvikling</source>
        <translation>In development</translation>
    </message>
    <message>
        <source>I drift</source>
        <translation>In production</translation>
    </message>
    <message>
        <source>Under avvikling</source>
        <translation>Being retired</translation>
    </message>
    <message>
        <source>Avviklet</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>ROS-analyse</source>
        <translation>Risk assessment (ROS)</translation>
    </message>
    <message>
        <source>DPIA</source>
        <translation>DPIA</translation>
    </message>
    <message>
        <source>Tjenestevedlegg</source>
        <translation>Service annex</translation>
    </message>
    <message>
        <source>Arkitektur</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Annet</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Utvikling</source>
        <translation>Development</translation>
    </message>
    <message>
        <source>Brukerstøtte</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Mangler</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Avtaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>ROS</source>
        <translation>ROS</translation>
    </message>
    <message>
        <source>Produktansvarlig</source>
        <translation>Product owner</translation>
    </message>
    <message>
        <source>Eldre enn 12 måneder</source>
        <translation>Older than 12 months</translation>
    </message>
    <message>
        <source>Ingen slik analyse er registrert</source>
        <translation>No such assessment is registered</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CatalogPage</name>
    <message>
        <source>Produktkatalog</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <source>Søk etter navn, nøkkel eller produktansvarlig</source>
        <translation>Search by name, key or product owner</translation>
    </message>
    <message>
        <source>Alle typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Alle dokumenter</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>ROS eller DPIA mangler/er utdatert</source>
        <translation>ROS or DPIA missing/outdated</translation>
    </message>
    <message>
        <source>Ny oppføring</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Eksporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Som JSON …</source>
        <translation>As JSON …</translation>
    </message>
    <message>
        <source>Som CSV (regneark) …</source>
        <translation>As CSV (spreadsheet) …</translation>
    </message>
    <message>
        <source>Viser %1 av %2</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <source>Du har lesetilgang til katalogen. Endringer krever rollen produktansvarlig, sikkerhetsansvarlig eller administrator.</source>
        <translation>You have read access to the catalogue. Changes require the role product owner, security officer or administrator.</translation>
    </message>
    <message>
        <source>Fast nøkkel med små bokstaver, tall og bindestrek. Kan ikke endres etter at oppføringen er lagret.</source>
        <translation>A fixed key of lower-case letters, digits and hyphens. It cannot be changed once the entry is saved.</translation>
    </message>
    <message>
        <source>Ikke satt</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Nøkkel:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Livsløp:</source>
        <translation>Lifecycle:</translation>
    </message>
    <message>
        <source>Etablert år:</source>
        <translation>Established:</translation>
    </message>
    <message>
        <source>Sist gjennomgått:</source>
        <translation>Last reviewed:</translation>
    </message>
    <message>
        <source>Produktansvarlig:</source>
        <translation>Product owner:</translation>
    </message>
    <message>
        <source>Organisasjoner med avtale:</source>
        <translation>Organisations with an agreement:</translation>
    </message>
    <message>
        <source>Oversikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Mål:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <source>Bakgrunn:</source>
        <translation>Background:</translation>
    </message>
    <message>
        <source>Forventet bruk:</source>
        <translation>Expected use:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Særskilte vilkår:</source>
        <translation>Special terms:</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Fjern valgt</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Versjon</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Plassering</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Alder</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Dokumenter</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Bruker (kryss av):</source>
        <translation>Uses (tick):</translation>
    </message>
    <message>
        <source>Nasjonale komponenter:</source>
        <translation>National components:</translation>
    </message>
    <message>
        <source>Brukes av:</source>
        <translation>Used by:</translation>
    </message>
    <message>
        <source>Avhengigheter</source>
        <translation>Dependencies</translation>
    </message>
    <message>
        <source>Angre endringer</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Kunne ikke lese katalogen: %1</source>
        <translation>Could not read the catalogue: %1</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Ulagrede endringer</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Du har endringer i «%1» som ikke er lagret. Vil du forkaste dem?</source>
        <translation>You have unsaved changes in “%1”. Discard them?</translation>
    </message>
    <message>
        <source>under en måned</source>
        <translation>less than a month</translation>
    </message>
    <message numerus="yes">
        <source>%n måned(er)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>ROS-analyse</source>
        <translation>Risk assessment (ROS)</translation>
    </message>
    <message>
        <source>DPIA</source>
        <translation>DPIA</translation>
    </message>
    <message>
        <source>%1 mangler.</source>
        <translation>%1 is missing.</translation>
    </message>
    <message>
        <source>%1 er eldre enn 12 måneder (sist %2).</source>
        <translation>%1 is older than 12 months (last %2).</translation>
    </message>
    <message>
        <source>ROS og DPIA er oppdatert.</source>
        <translation>ROS and DPIA are up to date.</translation>
    </message>
    <message>
        <source>⚠ </source>
        <translation>⚠ </translation>
    </message>
    <message>
        <source>Dokumenter ⚠</source>
        <translation>Documents ⚠</translation>
    </message>
    <message>
        <source>Nøkkelen «%1» er allerede i bruk.</source>
        <translation>The key “%1” is already in use.</translation>
    </message>
    <message>
        <source>Ikke lagret: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Lagret.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Eksporter katalogen</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Kunne ikke skrive %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Eksporterte %1 oppføringer til %2.</source>
        <translation>Exported %1 entries to %2.</translation>
    </message>
    <message>
        <source>ROS og DPIA:</source>
        <translation>ROS and DPIA:</translation>
    </message>
    <message>
        <source>ingen andre oppføringer</source>
        <translation>no other entries</translation>
    </message>
    <message>
        <source>DD.MM.ÅÅÅÅ</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Sist gjennomgått: «%1» er ikke en dato (for eksempel 15.09.2026).</source>
        <translation>Last reviewed: “%1” is not a date (for example 15/09/2026).</translation>
    </message>
    <message>
        <source>Dokumenter, rad %1: «%2» er ikke en dato (for eksempel 15.09.2026).</source>
        <translation>Documents, row %1: “%2” is not a date (for example 15/09/2026).</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ChangeCalendarView</name>
    <message>
        <source>Fet: endringer</source>
        <translation>Bold: changes</translation>
    </message>
    <message>
        <source>Rød: konflikter</source>
        <translation>Red: conflicts</translation>
    </message>
    <message>
        <source>Skravert grå: frysperiode</source>
        <translation>Hatched grey: freeze</translation>
    </message>
    <message>
        <source>Hele uken</source>
        <translation>The whole week</translation>
    </message>
    <message>
        <source>Dobbeltklikk en endring for å åpne den i listen.</source>
        <translation>Double-click a change to open it in the list.</translation>
    </message>
    <message>
        <source>Dobbeltklikk en konflikt for å åpne den første endringen i den.</source>
        <translation>Double-click a conflict to open its first change.</translation>
    </message>
    <message>
        <source>Frysperioder</source>
        <translation>Freezes</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Omfang</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ny frysperiode…</source>
        <translation>New freeze…</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til endringskalenderen.</source>
        <translation>Your role (%1) has no access to the change calendar.</translation>
    </message>
    <message>
        <source>Uke %1: %2–%3</source>
        <translation>Week %1: %2–%3</translation>
    </message>
    <message>
        <source>Endringer %1</source>
        <translation>Changes %1</translation>
    </message>
    <message>
        <source>Frysperiode «%1»: %2</source>
        <translation>Freeze &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1  %2: %3 (%4)</source>
        <translation>%1  %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Berører: %1</source>
        <translation>Touches: %1</translation>
    </message>
    <message>
        <source>Har konflikter i kalenderen.</source>
        <translation>Has conflicts in the calendar.</translation>
    </message>
    <message>
        <source>Ingen endringer denne uken.</source>
        <translation>No changes this week.</translation>
    </message>
    <message>
        <source>Ingen endringer denne dagen.</source>
        <translation>No changes this day.</translation>
    </message>
    <message>
        <source>Konflikter i %1: %2</source>
        <translation>Conflicts in %1: %2</translation>
    </message>
    <message>
        <source>Ingen konflikter i %1.</source>
        <translation>No conflicts in %1.</translation>
    </message>
    <message>
        <source>%1
(lagt inn av %2)</source>
        <translation>%1
(entered by %2)</translation>
    </message>
    <message>
        <source>Legg inn en periode der bare hastendringer med begrunnelse kan godkjennes.</source>
        <translation>Enter a period in which only emergency changes with a reason can be approved.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke legge inn frysperioder.</source>
        <translation>Your role cannot enter freezes.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke fjerne frysperioder.</source>
        <translation>Your role cannot remove freezes.</translation>
    </message>
    <message>
        <source>Velg en frysperiode først.</source>
        <translation>Select a freeze first.</translation>
    </message>
    <message>
        <source>Frysperioden «%1» er lagt inn.</source>
        <translation>The freeze &quot;%1&quot; is entered.</translation>
    </message>
    <message>
        <source>Frysperioden «%1» er fjernet.</source>
        <translation>The freeze &quot;%1&quot; is removed.</translation>
    </message>
    <message>
        <source>Fjern frysperiode</source>
        <translation>Remove freeze</translation>
    </message>
    <message>
        <source>Fjerne frysperioden «%1»? Endringer i perioden er da ikke lenger i konflikt med den.</source>
        <translation>Remove the freeze &quot;%1&quot;? Changes in the period then no longer conflict with it.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ChangesPage</name>
    <message>
        <source>Endringer</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Ny endring…</source>
        <translation>New change…</translation>
    </message>
    <message>
        <source>Venter på rådet</source>
        <translation>Waiting for the board</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alle tjenester og komponenter</source>
        <translation>All services and components</translation>
    </message>
    <message>
        <source>Søk i referanse, tittel eller beskrivelse</source>
        <translation>Search reference, title or description</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Berører:</source>
        <translation>Touches:</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vindu</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Berører</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Sikkerhet</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Vurder…</source>
        <translation>Assess…</translation>
    </message>
    <message>
        <source>Beslutt…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Planlegg…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <source>Gjennomført…</source>
        <translation>Implemented…</translation>
    </message>
    <message>
        <source>Evaluer…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Møte</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til endringene.</source>
        <translation>Your role (%1) has no access to the changes.</translation>
    </message>
    <message>
        <source>Lesetilgang: rollen din (%1) kan se endringene, kalenderen og møtene, men ikke endre dem.</source>
        <translation>Read-only: your role (%1) can see the changes, the calendar and the meetings, but not change them.</translation>
    </message>
    <message>
        <source>Sikkerhetsrelevant: venter på samtykke fra sikkerhetsansvarlig.</source>
        <translation>Security-relevant: waiting for the security officer&apos;s consent.</translation>
    </message>
    <message>
        <source>Viser %1 av %2 endringer</source>
        <translation>Showing %1 of %2 changes</translation>
    </message>
    <message>
        <source>Velg en endring i listen for å se den.</source>
        <translation>Select a change in the list to see it.</translation>
    </message>
    <message>
        <source>Meld en ny endring (Ctrl+N).</source>
        <translation>Request a new change (Ctrl+N).</translation>
    </message>
    <message>
        <source>Rollen din kan ikke melde endringer.</source>
        <translation>Your role cannot request changes.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke vurdere endringer.</source>
        <translation>Your role cannot assess changes.</translation>
    </message>
    <message>
        <source>Bare endringer som venter på rådet, vurderes.</source>
        <translation>Only changes waiting for the board are assessed.</translation>
    </message>
    <message>
        <source>Vurder sikkerheten: STRIDE, sannsynlighet og konsekvens.</source>
        <translation>Assess the security: STRIDE, likelihood and consequence.</translation>
    </message>
    <message>
        <source>Bare endringsrådet beslutter endringer.</source>
        <translation>Only the change advisory board decides on changes.</translation>
    </message>
    <message>
        <source>Endringen er allerede besluttet.</source>
        <translation>The change is already decided.</translation>
    </message>
    <message>
        <source>Endringen er ikke vurdert ennå.</source>
        <translation>The change is not assessed yet.</translation>
    </message>
    <message>
        <source>Godkjenn, avvis eller utsett endringen.</source>
        <translation>Approve, reject or defer the change.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke planlegge endringer.</source>
        <translation>Your role cannot schedule changes.</translation>
    </message>
    <message>
        <source>Bare godkjente endringer planlegges.</source>
        <translation>Only approved changes are scheduled.</translation>
    </message>
    <message>
        <source>Sett vinduet endringen gjøres i.</source>
        <translation>Set the window the change is made in.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke føre endringer som gjennomført.</source>
        <translation>Your role cannot record changes as implemented.</translation>
    </message>
    <message>
        <source>Bare godkjente eller planlagte endringer kan føres som gjennomført.</source>
        <translation>Only approved or scheduled changes can be recorded as implemented.</translation>
    </message>
    <message>
        <source>Før når endringen ble gjennomført.</source>
        <translation>Record when the change was implemented.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke evaluere endringer.</source>
        <translation>Your role cannot review changes.</translation>
    </message>
    <message>
        <source>Endringen evalueres når den er gjennomført.</source>
        <translation>The change is reviewed once it is implemented.</translation>
    </message>
    <message>
        <source>Før resultatet og koble hendelser endringen forårsaket.</source>
        <translation>Record the outcome and link incidents the change caused.</translation>
    </message>
    <message>
        <source>Velg en endring i listen først.</source>
        <translation>Select a change in the list first.</translation>
    </message>
    <message>
        <source>Den har konflikter i kalenderen (%1): se detaljene.</source>
        <translation>It has conflicts in the calendar (%1): see the details.</translation>
    </message>
    <message>
        <source>Endring %1 er registrert.</source>
        <translation>Change %1 is recorded.</translation>
    </message>
    <message>
        <source>%1 er vurdert som sikkerhetsrelevant: sikkerhetsansvarlig må godkjenne den.</source>
        <translation>%1 is assessed as security-relevant: the security officer must approve it.</translation>
    </message>
    <message>
        <source>%1 er vurdert.</source>
        <translation>%1 is assessed.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Oppgaver for ROS-gjennomgang er opprettet: %1.</source>
        <translation>ROS review tasks are created: %1.</translation>
    </message>
    <message>
        <source>%1: sikkerhetsansvarlig har samtykket; endringen venter på rådets godkjenning.</source>
        <translation>%1: the security officer has consented; the change waits for the board&apos;s approval.</translation>
    </message>
    <message>
        <source>%1 er planlagt %2.</source>
        <translation>%1 is scheduled %2.</translation>
    </message>
    <message>
        <source>%1 er ført som gjennomført %2.</source>
        <translation>%1 is recorded as implemented %2.</translation>
    </message>
    <message>
        <source>%1 er evaluert: %2.</source>
        <translation>%1 is reviewed: %2.</translation>
    </message>
    <message>
        <source>Hendelser koblet til endringen: %1.</source>
        <translation>Incidents linked to the change: %1.</translation>
    </message>
    <message>
        <source>Sikkerhetsvurdering av %1</source>
        <translation>Security assessment of %1</translation>
    </message>
    <message>
        <source>Planlegg %1</source>
        <translation>Schedule %1</translation>
    </message>
    <message>
        <source>%1 er gjennomført</source>
        <translation>%1 is implemented</translation>
    </message>
    <message>
        <source>Hendelse %1</source>
        <translation>Incident %1</translation>
    </message>
    <message>
        <source>Hendelse %1: %2 (%3, opprettet %4)</source>
        <translation>Incident %1: %2 (%3, opened %4)</translation>
    </message>
    <message>
        <source>Evaluer %1</source>
        <translation>Review %1</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CouncilMeetingDialog</name>
    <message>
        <source>Nytt brukermøte</source>
        <translation>New user meeting</translation>
    </message>
    <message>
        <source>Nytt brukerrådsmøte</source>
        <translation>New user council meeting</translation>
    </message>
    <message>
        <source>For eksempel Teams, eller KS-huset i Oslo</source>
        <translation>For example Teams, or the KS building in Oslo</translation>
    </message>
    <message>
        <source>Sakslisten, én sak per linje</source>
        <translation>The agenda, one item per line</translation>
    </message>
    <message>
        <source>Tidspunkt:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Sted:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Saksliste:</source>
        <translation>Agenda:</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::CouncilsPage</name>
    <message>
        <source>Prioritering våren %1</source>
        <translation>Prioritisation spring %1</translation>
    </message>
    <message>
        <source>Prioritering høsten %1</source>
        <translation>Prioritisation autumn %1</translation>
    </message>
    <message>
        <source>Brukerråd</source>
        <translation>User councils</translation>
    </message>
    <message>
        <source>Tjeneste:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Vis også tidligere medlemmer</source>
        <translation>Also show former members</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Valgt på</source>
        <translation>Elected at</translation>
    </message>
    <message>
        <source>Periode fra</source>
        <translation>Term from</translation>
    </message>
    <message>
        <source>Periode til</source>
        <translation>Term to</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Medlem går ut…</source>
        <translation>Member leaves…</translation>
    </message>
    <message>
        <source>Eksporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Lagre brukerrådet som HTML (medlemmer, perioder, varsler, endringsønsker, veikart og møter), JSON eller CSV.</source>
        <translation>Save the user council as HTML (members, terms, warnings, change requests, roadmap and meetings), JSON or CSV.</translation>
    </message>
    <message>
        <source>Brukerrådet</source>
        <translation>User council</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Invitert</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Til stede</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Valgt</source>
        <translation>Elected</translation>
    </message>
    <message>
        <source>Nytt brukermøte…</source>
        <translation>New user meeting…</translation>
    </message>
    <message>
        <source>Inviter alle med avtale</source>
        <translation>Invite everyone with an agreement</translation>
    </message>
    <message>
        <source>Oppmøte…</source>
        <translation>Attendance…</translation>
    </message>
    <message>
        <source>Velg brukerråd…</source>
        <translation>Elect user council…</translation>
    </message>
    <message>
        <source>Saksliste og referat…</source>
        <translation>Agenda and minutes…</translation>
    </message>
    <message>
        <source>Brukermøter</source>
        <translation>User meetings</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Kvartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Poeng</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Nytt endringsønske…</source>
        <translation>New change request…</translation>
    </message>
    <message>
        <source>Svar og status…</source>
        <translation>Response and status…</translation>
    </message>
    <message>
        <source>Poeng fra medlem…</source>
        <translation>Points from member…</translation>
    </message>
    <message>
        <source>Ny poengrunde…</source>
        <translation>New points round…</translation>
    </message>
    <message>
        <source>Avslutt poengrunden</source>
        <translation>Close the points round</translation>
    </message>
    <message>
        <source>Endringsønsker</source>
        <translation>Change requests</translation>
    </message>
    <message>
        <source>Kvartal / ref</source>
        <translation>Quarter / ref</translation>
    </message>
    <message>
        <source>Endringsønske</source>
        <translation>Change request</translation>
    </message>
    <message>
        <source>Veikart</source>
        <translation>Roadmap</translation>
    </message>
    <message>
        <source>Nytt brukerrådsmøte…</source>
        <translation>New user council meeting…</translation>
    </message>
    <message>
        <source>Brukerrådsmøter</source>
        <translation>User council meetings</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til brukerrådene.</source>
        <translation>Your role (%1) does not have access to the user councils.</translation>
    </message>
    <message>
        <source>Rollen din (%1) kan registrere endringsønsker; brukermøter, valg, svar og poeng føres av produktansvarlig.</source>
        <translation>Your role (%1) can register change requests; user meetings, elections, responses and points are recorded by the product owner.</translation>
    </message>
    <message>
        <source>Lesetilgang: rollen din (%1) kan se brukerrådene, men ikke endre dem.</source>
        <translation>Read-only access: your role (%1) can see the user councils, but not change them.</translation>
    </message>
    <message>
        <source>%1 (%2 medlemmer, %3 varsler)</source>
        <translation>%1 (%2 members, %3 warnings)</translation>
    </message>
    <message>
        <source>%1 (%2 medlemmer)</source>
        <translation>%1 (%2 members)</translation>
    </message>
    <message>
        <source>%1 (uten brukerråd)</source>
        <translation>%1 (no user council)</translation>
    </message>
    <message>
        <source>Velg en tjeneste øverst.</source>
        <translation>Choose a service at the top.</translation>
    </message>
    <message>
        <source>Brukerrådet har %1 medlemmer (5 til 8). Siste brukermøte: %2. Endringsønsker: %3.</source>
        <translation>The user council has %1 members (5 to 8). Last user meeting: %2. Change requests: %3.</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Ingen varsler: brukerrådet er fulltallig, ingen perioder går ut de neste 60 dagene, og brukermøtet er holdt.</source>
        <translation>No warnings: the user council is at full strength, no terms expire in the next 60 days, and the user meeting has been held.</translation>
    </message>
    <message>
        <source>Varsler</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Velg et brukermøte for å se det.</source>
        <translation>Choose a user meeting to see it.</translation>
    </message>
    <message>
        <source>Brukermøte</source>
        <translation>User meeting</translation>
    </message>
    <message>
        <source>Sted: %1 · %2 · invitert: %3 · til stede: %4 · valgt til brukerrådet: %5</source>
        <translation>Place: %1 · %2 · invited: %3 · present: %4 · elected to the user council: %5</translation>
    </message>
    <message>
        <source>Saksliste</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>%1 (%2), til %3</source>
        <translation>%1 (%2), until %3</translation>
    </message>
    <message>
        <source>Referat</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>sak %1</source>
        <translation>case %1</translation>
    </message>
    <message>
        <source>Ingen poengrunde ennå: åpne en, så fordeler hvert medlem poeng på de åpne endringsønskene.</source>
        <translation>No points round yet: open one, and each member distributes points across the open change requests.</translation>
    </message>
    <message>
        <source>Poengrunde «%1» er åpen: hvert medlem har %2 poeng. %3 av %4 medlemmer har gitt poeng.</source>
        <translation>Points round “%1” is open: each member has %2 points. %3 of %4 members have given points.</translation>
    </message>
    <message>
        <source>Poengene er fra runden «%1», avsluttet %2.</source>
        <translation>The points are from the round “%1”, closed %2.</translation>
    </message>
    <message>
        <source>Velg et endringsønske for å se det.</source>
        <translation>Choose a change request to see it.</translation>
    </message>
    <message>
        <source>ingen virksomhet</source>
        <translation>no organisation</translation>
    </message>
    <message>
        <source>sak %1 i brukerstøtte</source>
        <translation>support case %1</translation>
    </message>
    <message>
        <source>Fra: %1 · registrert av %2 %3</source>
        <translation>From: %1 · registered by %2 %3</translation>
    </message>
    <message>
        <source>Status: %1 · kvartal: %2 · poeng: %3</source>
        <translation>Status: %1 · quarter: %2 · points: %3</translation>
    </message>
    <message>
        <source>Svar fra produktansvarlig</source>
        <translation>Response from the product owner</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Poeng fra medlemmene</source>
        <translation>Points from the members</translation>
    </message>
    <message>
        <source>Ingen endringsønsker er akseptert med kvartal ennå.</source>
        <translation>No change requests have been accepted with a quarter yet.</translation>
    </message>
    <message>
        <source>Velg et brukerrådsmøte for å se saksliste og referat.</source>
        <translation>Choose a user council meeting to see the agenda and minutes.</translation>
    </message>
    <message>
        <source>Brukerrådsmøte</source>
        <translation>User council meeting</translation>
    </message>
    <message>
        <source>Sted: %1 · %2</source>
        <translation>Place: %1 · %2</translation>
    </message>
    <message>
        <source>Avlyst</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Bare produktansvarlig fører brukermøter, valg, svar og poeng.</source>
        <translation>Only the product owner records user meetings, elections, responses and points.</translation>
    </message>
    <message>
        <source>Før at et medlem går ut av brukerrådet før perioden er over.</source>
        <translation>Record that a member leaves the user council before the term is over.</translation>
    </message>
    <message>
        <source>Kall inn til brukermøte: alle med avtale om tjenesten kan komme.</source>
        <translation>Call a user meeting: everyone with an agreement for the service may attend.</translation>
    </message>
    <message>
        <source>Velg et brukermøte først.</source>
        <translation>Choose a user meeting first.</translation>
    </message>
    <message>
        <source>Inviter alle virksomheter som har avtale om tjenesten.</source>
        <translation>Invite all organisations that have an agreement for the service.</translation>
    </message>
    <message>
        <source>Oppmøtet føres når møtet er holdt.</source>
        <translation>Attendance is recorded once the meeting has been held.</translation>
    </message>
    <message>
        <source>Brukerrådet er valgt på dette møtet; oppmøtet det ble valgt fra, ligger fast.</source>
        <translation>The user council was elected at this meeting; the attendance it was elected from is fixed.</translation>
    </message>
    <message>
        <source>Kryss av for virksomhetene som kom, og hvem som representerte dem.</source>
        <translation>Tick the organisations that attended, and who represented them.</translation>
    </message>
    <message>
        <source>Brukerrådet velges når møtet er holdt.</source>
        <translation>The user council is elected once the meeting has been held.</translation>
    </message>
    <message>
        <source>Brukerrådet er allerede valgt på dette møtet.</source>
        <translation>The user council has already been elected at this meeting.</translation>
    </message>
    <message>
        <source>Før de 5 til 8 representantene møtet valgte.</source>
        <translation>Record the 5 to 8 representatives the meeting elected.</translation>
    </message>
    <message>
        <source>Registrer et endringsønske fra en virksomhet eller fra en sak i brukerstøtte.</source>
        <translation>Register a change request from an organisation or from a support case.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke registrere endringsønsker.</source>
        <translation>Your role cannot register change requests.</translation>
    </message>
    <message>
        <source>Velg et endringsønske først.</source>
        <translation>Choose a change request first.</translation>
    </message>
    <message>
        <source>Endre status, kvartal og svaret til virksomheten.</source>
        <translation>Change the status, quarter and the response to the organisation.</translation>
    </message>
    <message>
        <source>Åpne en poengrunde først.</source>
        <translation>Open a points round first.</translation>
    </message>
    <message>
        <source>Før poengene et medlem gir i runden.</source>
        <translation>Record the points a member gives in the round.</translation>
    </message>
    <message>
        <source>%1 %2 er satt opp.</source>
        <translation>%1 %2 has been set up.</translation>
    </message>
    <message>
        <source>%1 virksomheter med avtale er invitert.</source>
        <translation>%1 organisations with an agreement have been invited.</translation>
    </message>
    <message>
        <source>Alle med avtale var invitert fra før.</source>
        <translation>Everyone with an agreement had already been invited.</translation>
    </message>
    <message>
        <source>Oppmøtet er ført: %1 virksomheter.</source>
        <translation>Attendance has been recorded: %1 organisations.</translation>
    </message>
    <message>
        <source>Brukerrådet er valgt: %1 representanter.</source>
        <translation>The user council has been elected: %1 representatives.</translation>
    </message>
    <message>
        <source>Velg et møte først.</source>
        <translation>Choose a meeting first.</translation>
    </message>
    <message>
        <source>Sakslisten er lagret.</source>
        <translation>The agenda has been saved.</translation>
    </message>
    <message>
        <source>Referatet er lagret.</source>
        <translation>The minutes have been saved.</translation>
    </message>
    <message>
        <source>Medlemmet er ført ut. Brukerrådet har nå %1 medlemmer, færre enn 5: velg nye på et brukermøte.</source>
        <translation>The member has been recorded as leaving. The user council now has %1 members, fewer than 5: elect new ones at a user meeting.</translation>
    </message>
    <message>
        <source>Medlemmet er ført ut av brukerrådet.</source>
        <translation>The member has been recorded as leaving the user council.</translation>
    </message>
    <message>
        <source>Endringsønske %1 er registrert.</source>
        <translation>Change request %1 has been registered.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Poengrunden «%1» er åpen.</source>
        <translation>The points round “%1” is open.</translation>
    </message>
    <message>
        <source>Ingen poengrunde er åpen.</source>
        <translation>No points round is open.</translation>
    </message>
    <message>
        <source>Poengrunden «%1» er avsluttet.</source>
        <translation>The points round “%1” has been closed.</translation>
    </message>
    <message>
        <source>Poengene er ført: %1 poeng fra %2.</source>
        <translation>The points have been recorded: %1 points from %2.</translation>
    </message>
    <message>
        <source>Brukerrådet er eksportert til %1.</source>
        <translation>The user council has been exported to %1.</translation>
    </message>
    <message>
        <source>Eksporter brukerrådet</source>
        <translation>Export the user council</translation>
    </message>
    <message>
        <source>HTML-dokument (*.html);;JSON (*.json);;Endringsønsker som CSV (*.csv)</source>
        <translation>HTML document (*.html);;JSON (*.json);;Change requests as CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n endringsønske(r)</source>
        <translation>
            <numerusform>%n change request</numerusform>
            <numerusform>%n change requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::DecideDialog</name>
    <message>
        <source>Beslutt %1</source>
        <translation>Decide %1</translation>
    </message>
    <message>
        <source>Godkjenn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Avvis</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Utsett</source>
        <translation>Defer</translation>
    </message>
    <message>
        <source>Vilkår for godkjenningen, f.eks. «varsle kommunene to dager før» (valgfritt)</source>
        <translation>Conditions of the approval, e.g. &quot;notify the municipalities two days before&quot; (optional)</translation>
    </message>
    <message>
        <source>Beslutning:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Vilkår:</source>
        <translation>Conditions:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Begrunnelse (påkrevd for å avvise eller utsette)</source>
        <translation>Reason (required to reject or defer)</translation>
    </message>
    <message>
        <source>Godkjenning lager oppgaver for ROS-ene som må gjennomgås langs verdikjeden.</source>
        <translation>Approval creates tasks for the ROS documents to review along the value chain.</translation>
    </message>
    <message>
        <source>Velg en beslutning.</source>
        <translation>Choose a decision.</translation>
    </message>
    <message>
        <source>Skriv hvorfor endringen avvises.</source>
        <translation>Write why the change is rejected.</translation>
    </message>
    <message>
        <source>Skriv hvorfor endringen utsettes.</source>
        <translation>Write why the change is deferred.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::DelegateDialog</name>
    <message>
        <source>Deleger avgjørelsen</source>
        <translation>Delegate the decision</translation>
    </message>
    <message>
        <source>Kjenner noen andre behovet bedre? Den du delegerer til, avgjør i stedet for deg. Innehaveren kan aldri avgjøre sin egen tilgang.</source>
        <translation>Does someone else know the need better? The person you delegate to decides instead of you. The holder can never decide on their own access.</translation>
    </message>
    <message>
        <source>navn@virksomhet.no</source>
        <translation>name@organisation.no</translation>
    </message>
    <message>
        <source>Til den som får saken (valgfritt)</source>
        <translation>To the person receiving the case (optional)</translation>
    </message>
    <message>
        <source>E-post:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Ctrl+Enter eller OK bekrefter.</source>
        <translation>Ctrl+Enter or OK confirms.</translation>
    </message>
    <message>
        <source>Skriv e-postadressen til den som skal avgjøre i stedet, f.eks. navn@kommune.no.</source>
        <translation>Enter the email address of the person who should decide instead, e.g. name@municipality.no.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ElectionDialog</name>
    <message>
        <source>Velg brukerråd</source>
        <translation>Elect user council</translation>
    </message>
    <message>
        <source>Brukerrådet har 5 til 8 medlemmer fra virksomheter som var til stede og har avtale om tjenesten, høyst ett per virksomhet. Periodene begynner på møtedagen.</source>
        <translation>The user council has 5 to 8 members from organisations that were present and have an agreement for the service, at most one per organisation. The terms start on the meeting day.</translation>
    </message>
    <message>
        <source>%1 (%2) til %3</source>
        <translation>%1 (%2) until %3</translation>
    </message>
    <message>
        <source>Ingen sitter i brukerrådet fra før.</source>
        <translation>Nobody is on the user council yet.</translation>
    </message>
    <message>
        <source>Fortsetter (med mindre de velges på nytt): %1</source>
        <translation>Continuing (unless re-elected): %1</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Måneder</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Legg til representant</source>
        <translation>Add representative</translation>
    </message>
    <message>
        <source>Fjern valgt</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>(velg virksomhet)</source>
        <translation>(choose organisation)</translation>
    </message>
    <message>
        <source>Periodens lengde: 6 til 48 måneder.</source>
        <translation>Term length: 6 to 48 months.</translation>
    </message>
    <message>
        <source>Før opp representantene som ble valgt.</source>
        <translation>List the representatives who were elected.</translation>
    </message>
    <message>
        <source>Hver representant trenger navn, e-postadresse og virksomhet.</source>
        <translation>Each representative needs a name, email address and organisation.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::FindingDialog</name>
    <message>
        <source>Funn fra deteksjonsreglene</source>
        <translation>Finding of the detection rules</translation>
    </message>
    <message>
        <source>Velg en hendelse for å se den og beviset for at den står i loggen.</source>
        <translation>Select an event to see it and the proof that it is in the log.</translation>
    </message>
    <message>
        <source>Ta funnet …</source>
        <translation>Take the finding …</translation>
    </message>
    <message>
        <source>Lukk funnet …</source>
        <translation>Close the finding …</translation>
    </message>
    <message>
        <source>%1 · %2 · åpnet %3</source>
        <translation>%1 · %2 · opened %3</translation>
    </message>
    <message>
        <source>Lukket av %1: %2</source>
        <translation>Closed by %1: %2</translation>
    </message>
    <message>
        <source>Tatt av %1 %2: %3</source>
        <translation>Taken by %1 %2: %3</translation>
    </message>
    <message>
        <source>Ingen har tatt funnet ennå.</source>
        <translation>Nobody has taken the finding yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r) som bevis.</source>
        <translation>
            <numerusform>%n event as evidence.</numerusform>
            <numerusform>%n events as evidence.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bare sikkerhetsansvarlig kan ta og lukke funn fra revisjonsloggen.</source>
        <translation>Only the security officer can take and close findings from the audit log.</translation>
    </message>
    <message>
        <source>Ta funnet</source>
        <translation>Take the finding</translation>
    </message>
    <message>
        <source>Hva gjør du med funnet? (føres i endringsloggen)</source>
        <translation>What are you doing about the finding? (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>Skriv hva du gjør med funnet.</source>
        <translation>Write what you are doing about the finding.</translation>
    </message>
    <message>
        <source>Lukk funnet</source>
        <translation>Close the finding</translation>
    </message>
    <message>
        <source>Hvorfor lukkes funnet? (føres i endringsloggen)</source>
        <translation>Why is the finding closed? (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>Skriv hvorfor funnet lukkes.</source>
        <translation>Write why the finding is closed.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::FreezeDialog</name>
    <message>
        <source>Ny frysperiode</source>
        <translation>New freeze</translation>
    </message>
    <message>
        <source>F.eks. «Skattesesong» eller «Valg 2027»</source>
        <translation>E.g. &quot;Tax season&quot; or &quot;Election 2027&quot;</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Omfang:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Fryses:</source>
        <translation>Frozen:</translation>
    </message>
    <message>
        <source>Fra (%1):</source>
        <translation>From (%1):</translation>
    </message>
    <message>
        <source>Til (%1):</source>
        <translation>Until (%1):</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>En frysperiode beskytter også det de frosne tjenestene og komponentene står på. I perioden godkjennes bare hastendringer med begrunnelse.</source>
        <translation>A freeze also protects what the frozen services and components rest on. In the period only emergency changes with a reason are approved.</translation>
    </message>
    <message>
        <source>Gi frysperioden et navn.</source>
        <translation>Give the freeze a name.</translation>
    </message>
    <message>
        <source>Frysperioden må slutte etter at den begynner.</source>
        <translation>The freeze must end after it starts.</translation>
    </message>
    <message>
        <source>Velg hva som fryses.</source>
        <translation>Choose what is frozen.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::HeatMap</name>
    <message>
        <source>Risikomatrise</source>
        <translation>Risk matrix</translation>
    </message>
    <message>
        <source>Konsekvens →</source>
        <translation>Consequence →</translation>
    </message>
    <message>
        <source>Sannsynlighet →</source>
        <translation>Likelihood →</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ImplementDialog</name>
    <message>
        <source>Endringen er gjennomført</source>
        <translation>The change is implemented</translation>
    </message>
    <message>
        <source>Når ble endringen gjennomført? Planlagt: %1.</source>
        <translation>When was the change implemented? Scheduled: %1.</translation>
    </message>
    <message>
        <source>Gjennomført (%1):</source>
        <translation>Implemented (%1):</translation>
    </message>
    <message>
        <source>Hendelser på de berørte tjenestene etter dette tidspunktet tilbys som mulige følger når endringen evalueres.</source>
        <translation>Incidents on the services touched after this time are offered as possible consequences when the change is reviewed.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ImportResultDialog</name>
    <message>
        <source>Kopier</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::IncidentModel</name>
    <message>
        <source>Spørsmål</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Feilmelding</source>
        <translation>Fault report</translation>
    </message>
    <message>
        <source>Driftsavvik</source>
        <translation>Operational deviation</translation>
    </message>
    <message>
        <source>Sikkerhetshendelse</source>
        <translation>Security incident</translation>
    </message>
    <message>
        <source>Personvernbrudd</source>
        <translation>Personal-data breach</translation>
    </message>
    <message>
        <source>melder</source>
        <translation>reporter</translation>
    </message>
    <message>
        <source>driftsleverandør</source>
        <translation>hosting provider</translation>
    </message>
    <message>
        <source>leverandør</source>
        <translation>vendor</translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Mottatt</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Under arbeid</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Venter</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Venter på %1</source>
        <translation>Waiting on %1</translation>
    </message>
    <message>
        <source>Løst</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Lukket</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Brukerstøtte</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Sikkerhet</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Beredskapsvakt</source>
        <translation>On call</translation>
    </message>
    <message>
        <source>%1 d %2 t</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 t %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>forfalt %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>Datatilsynet: %1</source>
        <translation>Datatilsynet: %1</translation>
    </message>
    <message>
        <source>Ingen frist løper.</source>
        <translation>No deadline is running.</translation>
    </message>
    <message>
        <source>Meldefrist til Datatilsynet (72 timer): %1</source>
        <translation>Deadline for notifying Datatilsynet (72 hours): %1</translation>
    </message>
    <message>
        <source>Svarfrist: %1</source>
        <translation>Respond by: %1</translation>
    </message>
    <message>
        <source>Løsningsfrist: %1</source>
        <translation>Resolve by: %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kø</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Tildelt</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Opprettet</source>
        <translation>Opened</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::IncidentsPage</name>
    <message>
        <source>Brukerstøtte</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Overvåkingen (vakt-collector)</source>
        <translation>Monitoring (vakt-collector)</translation>
    </message>
    <message>
        <source>Revisjonsloggen (deteksjonsregel)</source>
        <translation>The audit log (detection rule)</translation>
    </message>
    <message>
        <source>Freshdesk (importert)</source>
        <translation>Freshdesk (imported)</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Endring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fylkeskommune</source>
        <translation>County municipality</translation>
    </message>
    <message>
        <source>Plattformoperatør</source>
        <translation>Platform operator</translation>
    </message>
    <message>
        <source>Driftsleverandør</source>
        <translation>Hosting provider</translation>
    </message>
    <message>
        <source>Leverandør</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>Statlig virksomhet</source>
        <translation>Government agency</translation>
    </message>
    <message>
        <source>Nasjonal felleskomponent</source>
        <translation>National component</translation>
    </message>
    <message>
        <source>Opprettet</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Åpnet av en regel</source>
        <translation>Opened by a rule</translation>
    </message>
    <message>
        <source>Tatt</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Ny status</source>
        <translation>New state</translation>
    </message>
    <message>
        <source>Ny prioritet</source>
        <translation>New priority</translation>
    </message>
    <message>
        <source>Ny type</source>
        <translation>New type</translation>
    </message>
    <message>
        <source>Tildelt</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Koblet til</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>Kobling fjernet</source>
        <translation>Link removed</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Lukket</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Løst av seg selv (tilstanden er over)</source>
        <translation>Resolved by itself (the condition is over)</translation>
    </message>
    <message>
        <source>Tildelt beredskapsvakten</source>
        <translation>Assigned to the on-call duty</translation>
    </message>
    <message>
        <source>Meldt til Datatilsynet</source>
        <translation>Notified to Datatilsynet</translation>
    </message>
    <message>
        <source>Ny tittel</source>
        <translation>New title</translation>
    </message>
    <message>
        <source>Ny beskrivelse</source>
        <translation>New description</translation>
    </message>
    <message>
        <source>Ny meldende virksomhet</source>
        <translation>New reporting organisation</translation>
    </message>
    <message>
        <source>Venter nå på en annen</source>
        <translation>Now waiting on someone else</translation>
    </message>
    <message>
        <source>Hendelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Ny hendelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <source>Registrer en ny sak (Ctrl+N).</source>
        <translation>Record a new case (Ctrl+N).</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Åpne</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Bare forfalte</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Åpne saker der svarfristen eller løsningsfristen er passert.</source>
        <translation>Open cases past their response or resolution deadline.</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Saker tildelt deg (%1).</source>
        <translation>Cases assigned to you (%1).</translation>
    </message>
    <message>
        <source>Søk i tittel, beskrivelse eller ekstern referanse</source>
        <translation>Search title, description or external reference</translation>
    </message>
    <message>
        <source>Kø:</source>
        <translation>Queue:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Prioritet:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Tildel valgte …</source>
        <translation>Assign selected …</translation>
    </message>
    <message>
        <source>Status for valgte …</source>
        <translation>State of selected …</translation>
    </message>
    <message>
        <source>Prioritet for valgte …</source>
        <translation>Priority of selected …</translation>
    </message>
    <message>
        <source>Gjelder alle sakene som er valgt i listen (Ctrl- eller Shift-klikk for å velge flere), én og én.</source>
        <translation>Applies to every case selected in the list (Ctrl- or Shift-click to select several), one by one.</translation>
    </message>
    <message>
        <source>Endre status …</source>
        <translation>Change state …</translation>
    </message>
    <message>
        <source>Endre prioritet …</source>
        <translation>Change priority …</translation>
    </message>
    <message>
        <source>Tildel …</source>
        <translation>Assign …</translation>
    </message>
    <message>
        <source>Notat …</source>
        <translation>Note …</translation>
    </message>
    <message>
        <source>Eskaler til sikkerhet</source>
        <translation>Escalate to security</translation>
    </message>
    <message>
        <source>Meld til Datatilsynet …</source>
        <translation>Notify Datatilsynet …</translation>
    </message>
    <message>
        <source>Varsle berørte …</source>
        <translation>Notify affected …</translation>
    </message>
    <message>
        <source>Skriv et varsel (e-postfil) til hver virksomhet med avtale på sakens tjenester.</source>
        <translation>Write a notice (e-mail file) to every organisation with an agreement on the case&apos;s services.</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Hva</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Orgnr.</source>
        <translation>Org. no.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tjenester</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Varslet</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>Berørte virksomheter</source>
        <translation>Affected organisations</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til hendelsene.</source>
        <translation>Your role (%1) has no access to the incidents.</translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>Rollen din kan ikke registrere saker.</source>
        <translation>Your role cannot record cases.</translation>
    </message>
    <message>
        <source>Kunne ikke lese hendelsene: %1</source>
        <translation>Could not read the incidents: %1</translation>
    </message>
    <message>
        <source>Velg en sak i listen for å se den.</source>
        <translation>Select a case in the list to see it.</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kø</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Meldt av virksomhet</source>
        <translation>Reported by organisation</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Ekstern referanse</source>
        <translation>External reference</translation>
    </message>
    <message>
        <source>Kjent siden</source>
        <translation>Known since</translation>
    </message>
    <message>
        <source>Sist endret</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Tatt av</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Løst</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Lukket av</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>nådd %1</source>
        <translation>met %1</translation>
    </message>
    <message>
        <source>nådd for sent, %1</source>
        <translation>met late, %1</translation>
    </message>
    <message>
        <source>Svarfrist</source>
        <translation>Respond by</translation>
    </message>
    <message>
        <source>Løsningsfrist</source>
        <translation>Resolve by</translation>
    </message>
    <message>
        <source>Virksomheter</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Endringer</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Andre koblinger</source>
        <translation>Other links</translation>
    </message>
    <message>
        <source>Sak %1: %2</source>
        <translation>Case %1: %2</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Meldeplikt til Datatilsynet (72 timer)</source>
        <translation>Duty to notify Datatilsynet (72 hours)</translation>
    </message>
    <message>
        <source>Fristen kan ikke regnes ut: det er ikke kjent når bruddet ble oppdaget.</source>
        <translation>The deadline cannot be worked out: it is not known when the breach was discovered.</translation>
    </message>
    <message>
        <source>Kjent: %1 · frist: %2</source>
        <translation>Known: %1 · deadline: %2</translation>
    </message>
    <message>
        <source>Meldt %1, referanse %2.</source>
        <translation>Notified %1, reference %2.</translation>
    </message>
    <message>
        <source>Meldt etter fristen.</source>
        <translation>Notified after the deadline.</translation>
    </message>
    <message>
        <source>Igjen: %1</source>
        <translation>Left: %1</translation>
    </message>
    <message>
        <source>Kunne ikke lese berørte virksomheter: %1</source>
        <translation>Could not read the affected organisations: %1</translation>
    </message>
    <message>
        <source>Ingen virksomhet har avtale på sakens tjenester.</source>
        <translation>No organisation has an agreement on the case&apos;s services.</translation>
    </message>
    <message>
        <source>Virksomhetene med avtale på sakens tjenester. «Varslet» er siste varsel om denne saken.</source>
        <translation>The organisations with an agreement on the case&apos;s services. &quot;Notified&quot; is the last notice about this case.</translation>
    </message>
    <message>
        <source>ikke varslet</source>
        <translation>not notified</translation>
    </message>
    <message>
        <source>Berørte virksomheter (%1)</source>
        <translation>Affected organisations (%1)</translation>
    </message>
    <message>
        <source>Rollen din kan ikke endre saker.</source>
        <translation>Your role cannot change cases.</translation>
    </message>
    <message>
        <source>Sikkerhetshendelser og personvernbrudd håndteres av sikkerhetsansvarlig.</source>
        <translation>Security incidents and personal-data breaches are handled by the security officer.</translation>
    </message>
    <message>
        <source>Saken er lukket og kan ikke endres.</source>
        <translation>The case is closed and cannot be changed.</translation>
    </message>
    <message>
        <source>Gjør saken til en sikkerhetshendelse: den går til sikkerhetsansvarlig.</source>
        <translation>Make the case a security incident: it goes to the security officer.</translation>
    </message>
    <message>
        <source>Saken er allerede en sikkerhetssak.</source>
        <translation>The case is already a security case.</translation>
    </message>
    <message>
        <source>Bare personvernbrudd meldes til Datatilsynet.</source>
        <translation>Only personal-data breaches are notified to Datatilsynet.</translation>
    </message>
    <message>
        <source>Sikkerhetsansvarlig melder brudd til Datatilsynet.</source>
        <translation>The security officer notifies Datatilsynet of breaches.</translation>
    </message>
    <message>
        <source>Før inn når Datatilsynet ble varslet, og referansen.</source>
        <translation>Record when Datatilsynet was notified, and the reference.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke varsle virksomhetene.</source>
        <translation>Your role cannot notify the organisations.</translation>
    </message>
    <message>
        <source>%1 saker valgt</source>
        <translation>%1 cases selected</translation>
    </message>
    <message>
        <source>Velg en sak i listen først.</source>
        <translation>Select a case in the list first.</translation>
    </message>
    <message>
        <source>Sak %1 er registrert.</source>
        <translation>Case %1 is recorded.</translation>
    </message>
    <message>
        <source>Sak %1: %2.</source>
        <translation>Case %1: %2.</translation>
    </message>
    <message>
        <source>Sak %1 har prioritet %2.</source>
        <translation>Case %1 has priority %2.</translation>
    </message>
    <message>
        <source>Sak %1 er ikke lenger tildelt noen.</source>
        <translation>Case %1 is no longer assigned to anyone.</translation>
    </message>
    <message>
        <source>Sak %1 er tildelt %2.</source>
        <translation>Case %1 is assigned to %2.</translation>
    </message>
    <message>
        <source>Skriv hvorfor saken eskaleres.</source>
        <translation>Write why the case is escalated.</translation>
    </message>
    <message>
        <source>Sak %1 er eskalert til sikkerhetsansvarlig.</source>
        <translation>Case %1 is escalated to the security officer.</translation>
    </message>
    <message>
        <source>Notatet er lagt til sak %1.</source>
        <translation>The note is added to case %1.</translation>
    </message>
    <message>
        <source>Meldingen til Datatilsynet er ført på sak %1.</source>
        <translation>The notification to Datatilsynet is recorded on case %1.</translation>
    </message>
    <message>
        <source>Ingen virksomheter å varsle: ingen har avtale på sakens tjenester.</source>
        <translation>No organisations to notify: none has an agreement on the case&apos;s services.</translation>
    </message>
    <message>
        <source>Varsler skrevet i %1: %2</source>
        <translation>Notices written in %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 av %3 saker endret.</source>
        <translation>%1: %2 of %3 cases changed.</translation>
    </message>
    <message>
        <source>Ikke endret:</source>
        <translation>Not changed:</translation>
    </message>
    <message>
        <source>Endre status på valgte saker (%1)</source>
        <translation>Change the state of the selected cases (%1)</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Endre prioritet på valgte saker (%1)</source>
        <translation>Change the priority of the selected cases (%1)</translation>
    </message>
    <message>
        <source>Prioritet %1</source>
        <translation>Priority %1</translation>
    </message>
    <message>
        <source>Tildel valgte saker (%1)</source>
        <translation>Assign the selected cases (%1)</translation>
    </message>
    <message>
        <source>Tildeling fjernet</source>
        <translation>Assignment removed</translation>
    </message>
    <message>
        <source>Tildelt %1</source>
        <translation>Assigned to %1</translation>
    </message>
    <message>
        <source>Notatet føres i sakens tidslinje og i endringsloggen.</source>
        <translation>The note goes into the case&apos;s timeline and the audit trail.</translation>
    </message>
    <message>
        <source>Saken blir en sikkerhetshendelse og går til sikkerhetsansvarlig. Etterpå kan bare sikkerhetsansvarlig endre den. Hvorfor eskaleres den?</source>
        <translation>The case becomes a security incident and goes to the security officer. Afterwards only the security officer can change it. Why is it escalated?</translation>
    </message>
    <message>
        <source>Endring av flere saker</source>
        <translation>Changing several cases</translation>
    </message>
    <message>
        <source>Velg mappen varslene skal skrives i</source>
        <translation>Choose the folder to write the notices in</translation>
    </message>
    <message>
        <source>Varsle berørte</source>
        <translation>Notify affected</translation>
    </message>
    <message>
        <source>Risikoer</source>
        <translation>Risks</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::JustificationDialog</name>
    <message>
        <source>Behold administratortilgang</source>
        <translation>Keep administrator access</translation>
    </message>
    <message>
        <source>Administratortilganger beholdes bare med en begrunnelse: hva trenger innehaveren den til?</source>
        <translation>Administrator access is kept only with a justification: what does the holder need it for?</translation>
    </message>
    <message>
        <source>F.eks. «Driftsansvarlig for tjenesten i kommunen»</source>
        <translation>E.g. “Operations manager for the service in the municipality”</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Justification:</translation>
    </message>
    <message>
        <source>Ctrl+Enter eller OK bekrefter.</source>
        <translation>Ctrl+Enter or OK confirms.</translation>
    </message>
    <message>
        <source>Skriv hvorfor tilgangen skal beholdes: en administratortilgang beholdes ikke uten begrunnelse.</source>
        <translation>Write why the access should be kept: administrator access is not kept without a justification.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::LeaveDialog</name>
    <message>
        <source>Medlem går ut av brukerrådet</source>
        <translation>Member leaves the user council</translation>
    </message>
    <message>
        <source>For eksempel: har sluttet i kommunen</source>
        <translation>For example: has left the municipality</translation>
    </message>
    <message>
        <source>Medlem:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>Går ut fra:</source>
        <translation>Leaves from:</translation>
    </message>
    <message>
        <source>Hvorfor:</source>
        <translation>Why:</translation>
    </message>
    <message>
        <source>Velg medlemmet som går ut.</source>
        <translation>Choose the member who is leaving.</translation>
    </message>
    <message>
        <source>Skriv hvorfor medlemmet går ut.</source>
        <translation>Write why the member is leaving.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::LoginDialog</name>
    <message>
        <source>Logg inn i Vakt</source>
        <translation>Sign in to Vakt</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Brukernavn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Passord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Logg inn</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ukjent bruker eller feil passord.</source>
        <translation>Unknown user or wrong password.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::LossesTab</name>
    <message>
        <source>%1 kr</source>
        <translation>NOK %1</translation>
    </message>
    <message>
        <source>Tjeneste:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Simuler på nytt</source>
        <translation>Simulate again</translation>
    </message>
    <message>
        <source>Risiko</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Hendelser per år</source>
        <translation>Events per year</translation>
    </message>
    <message>
        <source>Tap per hendelse (90 %)</source>
        <translation>Loss per event (90 %)</translation>
    </message>
    <message>
        <source>Anslått av</source>
        <translation>Estimated by</translation>
    </message>
    <message>
        <source>Hele avdelingen</source>
        <translation>The whole department</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Ingen åpne risikoer har et anslag ennå. Legg inn hvor ofte og hvor mye på en risiko i registeret (Anslag …).</source>
        <translation>No open risk has an estimate yet. Give how often and how much on a risk in the register (Estimate …).</translation>
    </message>
    <message numerus="yes">
        <source>Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; ett år av ti over %5, ett av hundre over %6.</source>
        <translation>
            <numerusform>Simulated over %1 years from %n estimate: chance of a loss in a year %2, expected loss %3, median %4; one year in ten above %5, one in a hundred above %6.</numerusform>
            <numerusform>Simulated over %1 years from %n estimates: chance of a loss in a year %2, expected loss %3, median %4; one year in ten above %5, one in a hundred above %6.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sannsynlighet for at årets tap overstiger beløpet</source>
        <translation>Chance that the year&apos;s loss exceeds the amount</translation>
    </message>
    <message>
        <source>Tap i kroner</source>
        <translation>Loss in kroner</translation>
    </message>
    <message>
        <source>Sannsynlighet (%)</source>
        <translation>Probability (%)</translation>
    </message>
    <message>
        <source>Simulerer …</source>
        <translation>Simulating …</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::MainWindow</name>
    <message>
        <source>Vakt – sikkerhet og drift</source>
        <translation>Vakt – security and operations</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Innlogget: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Om Vakt</source>
        <translation>About Vakt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vakt&lt;/b&gt; %1&lt;br&gt;Styring av informasjonssikkerhet og drift for en felles plattform.</source>
        <translation>&lt;b&gt;Vakt&lt;/b&gt; %1&lt;br&gt;Governance of information security and operations for a shared platform.</translation>
    </message>
    <message>
        <source>&amp;Oppdater</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Logg ut eller bytt bruker …</source>
        <translation>&amp;Sign out or switch user …</translation>
    </message>
    <message>
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Søk på siden</source>
        <translation>&amp;Find on page</translation>
    </message>
    <message>
        <source>&amp;Gå til</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Brukerveiledning for siden</source>
        <translation>&amp;User guide for this page</translation>
    </message>
    <message>
        <source>Hjelp: %1</source>
        <translation>Help: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n venter</source>
        <translation>
            <numerusform>%1: %n waiting</numerusform>
            <numerusform>%1: %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ting venter på oppfølging</source>
        <translation>
            <numerusform>%n item needs follow-up</numerusform>
            <numerusform>%n items need follow-up</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidssone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Norsk tid (Europe/Oslo)</source>
        <translation>Norwegian time (Europe/Oslo)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Maskinens tidssone (%1)</source>
        <translation>This computer&apos;s time zone (%1)</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::MeetingView</name>
    <message>
        <source>Hendelse %1: %2</source>
        <translation>Incident %1: %2</translation>
    </message>
    <message>
        <source>Velg et tidligere møte for å se dagsordenen, beslutningene og referatet.</source>
        <translation>Choose an earlier meeting to see its agenda, decisions and minutes.</translation>
    </message>
    <message>
        <source>Hvor mange som må være til stede for at rådet kan fatte beslutninger.</source>
        <translation>How many must be present for the board to make decisions.</translation>
    </message>
    <message>
        <source>Start nytt møte</source>
        <translation>Start a new meeting</translation>
    </message>
    <message>
        <source>Møte:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>Beslutningsdyktig med minst:</source>
        <translation>Quorum at least:</translation>
    </message>
    <message>
        <source>Til stede</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Navn eller brukernavn, skilt med komma</source>
        <translation>Names or usernames, separated by commas</translation>
    </message>
    <message>
        <source>Skriv hvem som er til stede, skilt med komma, og trykk Enter.</source>
        <translation>Write who is present, separated by commas, and press Enter.</translation>
    </message>
    <message>
        <source>Dagsorden</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Neste</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Vilkår for godkjenningen (valgfritt)</source>
        <translation>Conditions of the approval (optional)</translation>
    </message>
    <message>
        <source>Notat til referatet</source>
        <translation>Note for the minutes</translation>
    </message>
    <message>
        <source>Vilkår:</source>
        <translation>Conditions:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Godkjenn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Avvis</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Utsett</source>
        <translation>Defer</translation>
    </message>
    <message>
        <source>Tatt til orientering</source>
        <translation>Noted</translation>
    </message>
    <message>
        <source>Avslutt møtet og lag referat</source>
        <translation>Close the meeting and write the minutes</translation>
    </message>
    <message>
        <source>Referat</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Lagre som PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Lagre som HTML…</source>
        <translation>Save as HTML…</translation>
    </message>
    <message>
        <source>Kontroller referatet</source>
        <translation>Verify the minutes</translation>
    </message>
    <message>
        <source>Regn ut SHA-256 av referatet på nytt og kontroller signaturen mot nøkkelmappens offentlige nøkkel.</source>
        <translation>Recompute the minutes&apos; SHA-256 and check the signature against the key directory&apos;s public key.</translation>
    </message>
    <message>
        <source>Rollen din (%1) har ikke tilgang til endringsrådet.</source>
        <translation>Your role (%1) has no access to the change advisory board.</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>avsluttet</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>%1 – %2 (leder %3)</source>
        <translation>%1 – %2 (chair %3)</translation>
    </message>
    <message>
        <source>(ingen møter ennå)</source>
        <translation>(no meetings yet)</translation>
    </message>
    <message>
        <source>Endringsrådets møte %1, ledet av %2</source>
        <translation>The change advisory board&apos;s meeting %1, chaired by %2</translation>
    </message>
    <message>
        <source>Beslutningsdyktig: %1 av minst %2</source>
        <translation>Quorate: %1 of at least %2</translation>
    </message>
    <message>
        <source>Ikke beslutningsdyktig: %1 av minst %2</source>
        <translation>Not quorate: %1 of at least %2</translation>
    </message>
    <message>
        <source>Start eller velg et møte først.</source>
        <translation>Start or choose a meeting first.</translation>
    </message>
    <message>
        <source>Saken finnes ikke på dagsordenen.</source>
        <translation>The item is not on the agenda.</translation>
    </message>
    <message>
        <source>Start et nytt møte, eller velg et tidligere møte over.</source>
        <translation>Start a new meeting, or choose an earlier meeting above.</translation>
    </message>
    <message>
        <source>Dagsordenen er tom.</source>
        <translation>The agenda is empty.</translation>
    </message>
    <message>
        <source>Velg en sak på dagsordenen.</source>
        <translation>Choose an item on the agenda.</translation>
    </message>
    <message>
        <source>Ikke behandlet ennå.</source>
        <translation>Not dealt with yet.</translation>
    </message>
    <message>
        <source>Rådets beslutning:</source>
        <translation>The board&apos;s decision:</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · opprettet %4</source>
        <translation>%1 · %2 · %3 · opened %4</translation>
    </message>
    <message>
        <source>Tjeneste: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Fast sak som rådet følger til den lukkes.</source>
        <translation>A standing item the board follows until it is closed.</translation>
    </message>
    <message>
        <source>Åpne et møte nå med dagsordenen Vakt setter opp: endringer som venter, hastendringer og hendelser siden sist og de faste sakene.</source>
        <translation>Open a meeting now with the agenda Vakt prepares: changes waiting, emergency changes and incidents since last time, and the standing items.</translation>
    </message>
    <message>
        <source>Bare endringsrådet kan holde møter.</source>
        <translation>Only the change advisory board can hold meetings.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke fatte beslutninger i endringsrådet.</source>
        <translation>Your role cannot make decisions in the change advisory board.</translation>
    </message>
    <message>
        <source>Møtet er avsluttet.</source>
        <translation>The meeting is closed.</translation>
    </message>
    <message>
        <source>Godkjenn endringen, med vilkårene over om det er noen.</source>
        <translation>Approve the change, with the conditions above if there are any.</translation>
    </message>
    <message>
        <source>Rådet har fått saken lagt fram og tar den til etterretning.</source>
        <translation>The board has been presented the item and takes note of it.</translation>
    </message>
    <message>
        <source>Møtet er ikke beslutningsdyktig.</source>
        <translation>The meeting is not quorate.</translation>
    </message>
    <message>
        <source>%1 endringer mangler beslutning.</source>
        <translation>%1 changes lack a decision.</translation>
    </message>
    <message>
        <source>Avslutt møtet: referatet skrives, SHA-256 føres i endringsloggen og referatet signeres om nøkkelen finnes.</source>
        <translation>Close the meeting: the minutes are written, their SHA-256 is recorded in the audit trail and they are signed if the key is there.</translation>
    </message>
    <message>
        <source>Referatet kan ikke leses: %1</source>
        <translation>The minutes cannot be read: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Signert av %1, %2</source>
        <translation>Signed by %1, %2</translation>
    </message>
    <message>
        <source>Ikke signert: det fantes ingen signeringsnøkkel da møtet ble avsluttet. SHA-256 er ført i endringsloggen.</source>
        <translation>Not signed: there was no signing key when the meeting was closed. The SHA-256 is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>ingen nøkkelmappe er oppgitt (--keys)</source>
        <translation>no key directory is given (--keys)</translation>
    </message>
    <message>
        <source>nøkkelmappen %1 kan ikke leses</source>
        <translation>the key directory %1 cannot be read</translation>
    </message>
    <message>
        <source>nøkkelmappen har ikke signeringsnøkkelen</source>
        <translation>the key directory lacks the signing key</translation>
    </message>
    <message>
        <source>Referatet signeres med virksomhetens nøkkel når møtet avsluttes.</source>
        <translation>The minutes are signed with the organisation&apos;s key when the meeting is closed.</translation>
    </message>
    <message>
        <source>Referatet blir ikke signert (%1), men SHA-256 av det føres i endringsloggen.</source>
        <translation>The minutes will not be signed (%1), but their SHA-256 is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Møtet er startet. Registrer hvem som er til stede, og gå gjennom dagsordenen.</source>
        <translation>The meeting has started. Record who is present, and go through the agenda.</translation>
    </message>
    <message>
        <source>Oppmøtet er registrert.</source>
        <translation>Attendance is recorded.</translation>
    </message>
    <message>
        <source>Velg en sak på dagsordenen først.</source>
        <translation>Choose an item on the agenda first.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Møtet er avsluttet. Referatet er signert, og SHA-256 er ført i endringsloggen.</source>
        <translation>The meeting is closed. The minutes are signed, and their SHA-256 is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Møtet er avsluttet. Referatet er ikke signert (%1), men SHA-256 er ført i endringsloggen.</source>
        <translation>The meeting is closed. The minutes are not signed (%1), but their SHA-256 is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Referatet finnes når møtet er avsluttet.</source>
        <translation>The minutes exist once the meeting is closed.</translation>
    </message>
    <message>
        <source>Kunne ikke skrive %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Referatet er lagret i %1.</source>
        <translation>The minutes are saved in %1.</translation>
    </message>
    <message>
        <source>Lagre referatet som PDF</source>
        <translation>Save the minutes as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Lagre referatet som HTML</source>
        <translation>Save the minutes as HTML</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Referatet er uendret: SHA-256 stemmer med det som ble ført i endringsloggen.</source>
        <translation>The minutes are unchanged: the SHA-256 matches what was recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Referatet er endret: SHA-256 stemmer ikke med det som ble ført i endringsloggen da møtet ble avsluttet.</source>
        <translation>The minutes have been changed: the SHA-256 does not match what was recorded in the audit trail when the meeting was closed.</translation>
    </message>
    <message>
        <source>Referatet er ikke signert.</source>
        <translation>The minutes are not signed.</translation>
    </message>
    <message>
        <source>Signaturen er gyldig.</source>
        <translation>The signature is valid.</translation>
    </message>
    <message>
        <source>Signaturen kan ikke kontrolleres uten nøkkelmappen (--keys).</source>
        <translation>The signature cannot be checked without the key directory (--keys).</translation>
    </message>
    <message>
        <source>Signaturen er ikke gyldig.</source>
        <translation>The signature is not valid.</translation>
    </message>
    <message>
        <source>Referatet er uendret: SHA-256 stemmer med det som ble lagret da møtet ble avsluttet.</source>
        <translation>The minutes are unchanged: the SHA-256 matches what was stored when the meeting was closed.</translation>
    </message>
    <message>
        <source>Referatet er endret: SHA-256 stemmer ikke med det som ble lagret da møtet ble avsluttet.</source>
        <translation>The minutes have been changed: the SHA-256 does not match what was stored when the meeting was closed.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::MonitoringPage</name>
    <message>
        <source>Oppe</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Redusert</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Nede</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Drift og tilgjengelighet</source>
        <translation>Operations and availability</translation>
    </message>
    <message>
        <source>Ingen tjenester overvåkes ennå. Start vakt-collector med en konfigurasjon som peker på plattformens metrikker, så vises tilstanden her.</source>
        <translation>No services are monitored yet. Start vakt-collector with a configuration that points at the platform&apos;s metrics, and their state shows here.</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Tilstand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Siden</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Tilgjengelighet 24 t</source>
        <translation>Availability 24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 d</translation>
    </message>
    <message>
        <source>Feilrate 24 t</source>
        <translation>Error ratio 24 h</translation>
    </message>
    <message>
        <source>p95 siste time</source>
        <translation>p95 last hour</translation>
    </message>
    <message>
        <source>Mål oppe</source>
        <translation>Targets up</translation>
    </message>
    <message>
        <source>Jobb</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Instans</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>Siste feil</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Kunne ikke lese overvåkingen: %1</source>
        <translation>Could not read the monitoring data: %1</translation>
    </message>
    <message>
        <source>Velg en tjeneste for å se utviklingen</source>
        <translation>Select a service to see its history</translation>
    </message>
    <message>
        <source>Tilgjengelighet (%)</source>
        <translation>Availability (%)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Alvorlighet</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Åpnet</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Varsel</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Ingen åpne varsler.</source>
        <translation>No open alerts.</translation>
    </message>
    <message>
        <source>Kritisk</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Advarsel</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1 (av %2)</source>
        <translation>%1 (of %2)</translation>
    </message>
    <message>
        <source>Bygger bare på data fra de siste %1, ikke hele perioden.</source>
        <translation>Rests only on data from the last %1, not the whole period.</translation>
    </message>
    <message>
        <source>Tatt av</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Vis bare tjenester som ikke er oppe</source>
        <translation>Show only services that are not up</translation>
    </message>
    <message>
        <source>Sist målt</source>
        <translation>Last measured</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Range:</translation>
    </message>
    <message>
        <source>Vakt-collector har ikke rapportert siden %1 (%2). Tallene under er ikke oppdatert, og ingen tjeneste vises som oppe før den rapporterer igjen.</source>
        <translation>Vakt-collector has not reported since %1 (%2). The figures below are not current, and no service is shown as up until it reports again.</translation>
    </message>
    <message>
        <source>Vakt-collector har ikke målt noen av målene ennå. Tilstanden er ukjent.</source>
        <translation>Vakt-collector has not measured any of the targets yet. The state is unknown.</translation>
    </message>
    <message>
        <source>Ingen måling på lenge: sist %1.</source>
        <translation>No measurement for a long time: last %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n åpne varsler.</source>
        <translation>
            <numerusform>%n open alert.</numerusform>
            <numerusform>%n open alerts.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n åpne varsler</source>
        <translation>
            <numerusform>%n open alert</numerusform>
            <numerusform>%n open alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lest %1. %n tjeneste(r) overvåkes.</source>
        <translation>
            <numerusform>Read %1. %n service is monitored.</numerusform>
            <numerusform>Read %1. %n services are monitored.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: ikke nok data ennå for %2 (%n målepunkt(er))</source>
        <translation>
            <numerusform>%1: not enough data yet for %2 (%n data point)</numerusform>
            <numerusform>%1: not enough data yet for %2 (%n data points)</numerusform>
        </translation>
    </message>
    <message>
        <source>Siste time</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Siste døgn</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Siste uke</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>Siste 30 dager</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Kunne ikke lese varslene: %1</source>
        <translation>Could not read the alerts: %1</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::NewCampaignDialog</name>
    <message>
        <source>Ny gjennomgang</source>
        <translation>New review</translation>
    </message>
    <message>
        <source>F.eks. «Tilgangsgjennomgang høsten 2026»</source>
        <translation>E.g. “Access review autumn 2026”</translation>
    </message>
    <message>
        <source>Full: alle tilganger i omfanget</source>
        <translation>Full: all access grants in scope</translation>
    </message>
    <message>
        <source>Endringer: nye og endrede tilganger siden forrige gjennomgang</source>
        <translation>Changes: new and changed access grants since the previous review</translation>
    </message>
    <message>
        <source>Sluttede: tilganger til personer som har sluttet</source>
        <translation>Leavers: access grants of people who have left</translation>
    </message>
    <message>
        <source>Finn virksomhet</source>
        <translation>Find organisation</translation>
    </message>
    <message>
        <source>Virksomheter:</source>
        <translation>Organisations:</translation>
    </message>
    <message>
        <source>Tjenester:</source>
        <translation>Services:</translation>
    </message>
    <message>
        <source>Tilgangstyper:</source>
        <translation>Access types:</translation>
    </message>
    <message>
        <source>Kryss av for å avgrense. Ingenting avkrysset betyr alle.</source>
        <translation>Tick to narrow down. Nothing ticked means all.</translation>
    </message>
    <message>
        <source>Reglene prøves i rekkefølge; den første som peker på en annen enn innehaveren, gjelder. Tilganger ingen kan gjennomgå, går til deg.</source>
        <translation>The rules are tried in order; the first one that points to someone other than the holder applies. Access grants nobody can review go to you.</translation>
    </message>
    <message>
        <source>Andre trinn: en til bekrefter etter den første</source>
        <translation>Second step: another person confirms after the first</translation>
    </message>
    <message>
        <source> dager før fristen</source>
        <translation> days before the due date</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Omfang:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Hvem gjennomgår:</source>
        <translation>Who reviews:</translation>
    </message>
    <message>
        <source>Andre trinn:</source>
        <translation>Second step:</translation>
    </message>
    <message>
        <source>Frist:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Påminnelse:</source>
        <translation>Reminder:</translation>
    </message>
    <message>
        <source>Ubesvarte ved fristen:</source>
        <translation>Unanswered at the due date:</translation>
    </message>
    <message>
        <source>Skriv et navn på gjennomgangen.</source>
        <translation>Enter a name for the review.</translation>
    </message>
    <message>
        <source>Andre trinn: %1</source>
        <translation>Second step: %1</translation>
    </message>
    <message>
        <source>Fristen kan ikke ligge før i dag.</source>
        <translation>The due date cannot be earlier than today.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::NewChangeDialog</name>
    <message>
        <source>Ny endring</source>
        <translation>New change</translation>
    </message>
    <message>
        <source>Kort: hva endres, og hvor</source>
        <translation>Briefly: what changes, and where</translation>
    </message>
    <message>
        <source>(ingen mal)</source>
        <translation>(no template)</translation>
    </message>
    <message>
        <source>Det finnes ingen forhåndsgodkjente maler.</source>
        <translation>There are no pre-approved templates.</translation>
    </message>
    <message>
        <source>En standardendring lages fra en forhåndsgodkjent mal; malen fyller ut feltene.</source>
        <translation>A standard change is made from a pre-approved template; the template fills in the fields.</translation>
    </message>
    <message>
        <source>Finn tjeneste eller komponent</source>
        <translation>Find a service or component</translation>
    </message>
    <message>
        <source>Tidsvinduet er kjent</source>
        <translation>The window is known</translation>
    </message>
    <message>
        <source>Uten vindu kan endringen planlegges senere med «Planlegg».</source>
        <translation>Without a window the change can be scheduled later with &quot;Schedule&quot;.</translation>
    </message>
    <message>
        <source>Hvordan endringen rulles tilbake hvis den går galt</source>
        <translation>How the change is rolled back if it goes wrong</translation>
    </message>
    <message>
        <source>Bare for hastendringer: hvorfor den må gjøres i en frysperiode</source>
        <translation>Emergency changes only: why it must be done in a freeze</translation>
    </message>
    <message>
        <source>Tittel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Opprinnelse:</source>
        <translation>Origin:</translation>
    </message>
    <message>
        <source>Kategori:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Mal:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Berører:</source>
        <translation>Touches:</translation>
    </message>
    <message>
        <source>Fra (%1):</source>
        <translation>From (%1):</translation>
    </message>
    <message>
        <source>Til (%1):</source>
        <translation>Until (%1):</translation>
    </message>
    <message>
        <source>Tilbakerulling:</source>
        <translation>Rollback:</translation>
    </message>
    <message>
        <source>Begrunnelse i frysperiode:</source>
        <translation>Reason in a freeze:</translation>
    </message>
    <message>
        <source>Konflikter med andre endringer (samme eller avhengige tjenester, for mange på én dag) vises når endringen er lagret.</source>
        <translation>Conflicts with other changes (the same or dependent services, too many in one day) are shown once the change is saved.</translation>
    </message>
    <message>
        <source>Vinduet slutter før det begynner.</source>
        <translation>The window ends before it starts.</translation>
    </message>
    <message>
        <source>Vinduet ligger i frysperioden «%1» (%2).</source>
        <translation>The window is in the freeze &quot;%1&quot; (%2).</translation>
    </message>
    <message>
        <source>En hastendring kan godkjennes i en frysperiode bare med en begrunnelse.</source>
        <translation>An emergency change can be approved in a freeze only with a reason.</translation>
    </message>
    <message>
        <source>Bare hastendringer med begrunnelse kan godkjennes i en frysperiode.</source>
        <translation>Only emergency changes with a reason can be approved in a freeze.</translation>
    </message>
    <message>
        <source>Skriv en tittel.</source>
        <translation>Enter a title.</translation>
    </message>
    <message>
        <source>Velg minst én tjeneste eller komponent som endringen berører.</source>
        <translation>Choose at least one service or component the change touches.</translation>
    </message>
    <message>
        <source>Vinduet må slutte etter at det begynner.</source>
        <translation>The window must end after it starts.</translation>
    </message>
    <message>
        <source>En standardendring lages fra en forhåndsgodkjent mal: velg malen.</source>
        <translation>A standard change is made from a pre-approved template: choose the template.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::NewIncidentDialog</name>
    <message>
        <source>Ny hendelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <source>Kort: hva er galt, og for hvem</source>
        <translation>Briefly: what is wrong, and for whom</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Navn, e-post eller telefon</source>
        <translation>Name, e-mail or phone</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Prioritet:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <source>Tittel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Tjeneste:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Meldt av virksomhet:</source>
        <translation>Reported by organisation:</translation>
    </message>
    <message>
        <source>Melder:</source>
        <translation>Reporter:</translation>
    </message>
    <message>
        <source>Sikkerhetshendelser og personvernbrudd går til sikkerhetsansvarlig, P1 til beredskapsvakten.</source>
        <translation>Security incidents and personal-data breaches go to the security officer, P1 to the on-call duty.</translation>
    </message>
    <message>
        <source>Skriv en tittel.</source>
        <translation>Enter a title.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::NoteDialog</name>
    <message>
        <source>Tekst:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Skriv teksten først.</source>
        <translation>Write the text first.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::NotesDialog</name>
    <message>
        <source>Saksliste og referat: %1 %2</source>
        <translation>Agenda and minutes: %1 %2</translation>
    </message>
    <message>
        <source>Referatet; når det er skrevet, er møtet holdt.</source>
        <translation>The minutes; once they are written, the meeting has been held.</translation>
    </message>
    <message>
        <source>Saksliste:</source>
        <translation>Agenda:</translation>
    </message>
    <message>
        <source>Referat:</source>
        <translation>Minutes:</translation>
    </message>
    <message>
        <source>Til stede:</source>
        <translation>Present:</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::OverviewPage</name>
    <message numerus="yes">
        <source>%n kritisk(e)</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n advarsel(er)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n til orientering</source>
        <translation>
            <numerusform>%n for information</numerusform>
            <numerusform>%n for information</numerusform>
        </translation>
    </message>
    <message>
        <source>Oversikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Dette venter nå (%1).</source>
        <translation>This is waiting now (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n åpne varsler</source>
        <translation>
            <numerusform>%n open alert</numerusform>
            <numerusform>%n open alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen åpne varsler fra overvåkingen.</source>
        <translation>No open alerts from monitoring.</translation>
    </message>
    <message numerus="yes">
        <source>%n åpne funn i revisjonsloggen</source>
        <translation>
            <numerusform>%n open finding in the audit log</numerusform>
            <numerusform>%n open findings in the audit log</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen åpne funn fra deteksjonsreglene.</source>
        <translation>No open findings of the detection rules.</translation>
    </message>
    <message>
        <source>Overvåkingen har ikke rapportert siden %1 (%2). Tilstanden under er ikke oppdatert.</source>
        <translation>Monitoring has not reported since %1 (%2). The state below is not current.</translation>
    </message>
    <message>
        <source>Overvåkingen har ikke rapportert ennå. Tilstanden under er ukjent.</source>
        <translation>Monitoring has not reported yet. The state below is unknown.</translation>
    </message>
    <message numerus="yes">
        <source>%n tjeneste(r) ikke oppe</source>
        <translation>
            <numerusform>%n service not up</numerusform>
            <numerusform>%n services not up</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen tjenester overvåkes ennå.</source>
        <translation>No services are monitored yet.</translation>
    </message>
    <message numerus="yes">
        <source>Alle %n tjenester er oppe.</source>
        <translation>
            <numerusform>The service is up.</numerusform>
            <numerusform>All %n services are up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n oppføring(er) med ROS eller DPIA som mangler eller er for gammel</source>
        <translation>
            <numerusform>%n entry whose risk assessment or DPIA is missing or too old</numerusform>
            <numerusform>%n entries whose risk assessment or DPIA is missing or too old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.</source>
        <translation>
            <numerusform>of %n in the service catalogue. Risk assessments and DPIAs must be renewed at least every year.</numerusform>
            <numerusform>of %n in the service catalogue. Risk assessments and DPIAs must be renewed at least every year.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vakt::desktop::PointsDialog</name>
    <message>
        <source>Poeng i «%1»</source>
        <translation>Points in “%1”</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Endringsønske</source>
        <translation>Change request</translation>
    </message>
    <message>
        <source>Poeng</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Medlem:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>Igjen å fordele: %1 av %2 poeng</source>
        <translation>Left to distribute: %1 of %2 points</translation>
    </message>
    <message>
        <source>%1 poeng for mye: runden gir %2 poeng per medlem</source>
        <translation>%1 points too many: the round gives %2 points per member</translation>
    </message>
    <message>
        <source>Velg medlemmet som gir poengene.</source>
        <translation>Choose the member giving the points.</translation>
    </message>
    <message>
        <source>Medlemmet har gitt %1 poeng, mer enn de %2 runden gir.</source>
        <translation>The member has given %1 points, more than the %2 the round allows.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::PriorityDialog</name>
    <message>
        <source>Endre prioritet</source>
        <translation>Change priority</translation>
    </message>
    <message>
        <source>Ny prioritet:</source>
        <translation>New priority:</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Hvorfor endres prioriteten? (påkrevd)</source>
        <translation>Why does the priority change? (required)</translation>
    </message>
    <message>
        <source>Fristene regnes på nytt fra da saken ble opprettet. P1 går til beredskapsvakten.</source>
        <translation>The deadlines are worked out again from when the case was opened. P1 goes to the on-call duty.</translation>
    </message>
    <message>
        <source>Skriv hvorfor prioriteten endres.</source>
        <translation>Write why the priority changes.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReduceDialog</name>
    <message>
        <source>Reduser tilgangen</source>
        <translation>Reduce the access</translation>
    </message>
    <message>
        <source>En mindre tilgangstype eller en snevrere detalj</source>
        <translation>A smaller access type or a narrower detail</translation>
    </message>
    <message>
        <source>Mindre enn administrator: «%1» (tjenesteadministrator) eller «%2» (en bestemt rettighet).</source>
        <translation>Less than administrator: “%1” (service administrator) or “%2” (a specific permission).</translation>
    </message>
    <message>
        <source>Mindre enn tjenesteadministrator: «%1» (en bestemt rettighet), eller en snevrere detalj.</source>
        <translation>Less than service administrator: “%1” (a specific permission), or a narrower detail.</translation>
    </message>
    <message>
        <source>En snevrere detalj enn «%1», f.eks. bare lesetilgang.</source>
        <translation>A narrower detail than “%1”, e.g. read access only.</translation>
    </message>
    <message>
        <source>Hvorfor (valgfritt)</source>
        <translation>Why (optional)</translation>
    </message>
    <message>
        <source>Reduser til:</source>
        <translation>Reduce to:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Ctrl+Enter eller OK bekrefter.</source>
        <translation>Ctrl+Enter or OK confirms.</translation>
    </message>
    <message>
        <source>Skriv hva tilgangen skal reduseres til.</source>
        <translation>Write what the access should be reduced to.</translation>
    </message>
    <message>
        <source>Det er tilgangen slik den er nå: skriv noe mindre, eller behold den.</source>
        <translation>That is the access as it is now: write something smaller, or keep it.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReportsPage</name>
    <message>
        <source>NSM-modenhet</source>
        <translation>NSM maturity</translation>
    </message>
    <message>
        <source>Hendelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Tilgangsgjennomganger</source>
        <translation>Privilege reviews</translation>
    </message>
    <message>
        <source>Endringsrådets referater</source>
        <translation>Change board minutes</translation>
    </message>
    <message>
        <source>Produktkatalogen</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <source>Anvendelseserklæring (SoA)</source>
        <translation>Statement of Applicability (SoA)</translation>
    </message>
    <message>
        <source>Modenhet mot NSMs grunnprinsipper: vurdert nivå og mål per prinsipp, indikatorer fra registrene, utviklingen over de fire siste vurderingene, gap og en prioritert tiltaksliste, med et sammendrag først. Perioden gir datoen vurderingene leses per.</source>
        <translation>Maturity against NSM&apos;s basic principles: assessed and target level per principle, indicators from the registers, the trend over the last four assessments, gaps and a prioritised action list, with a summary first. The period gives the date the assessments are read as of.</translation>
    </message>
    <message>
        <source>Toppriskoene på tvers av tjenester med utvikling og modenhetsgapene som driver dem, deretter per tjeneste trusselmodellen, risikoene før og etter tiltak i matrisen og tiltakene med ansvarlig og frist. Som ODT kan kommunene redigere den.</source>
        <translation>The top risks across services with their trend and the maturity gaps that drive them, then per service the threat model, the risks before and after measures on the matrix and the measures with owner and due date. As ODT the municipalities can edit it.</translation>
    </message>
    <message>
        <source>Antall, utvikling og tid til respons og løsning mot målene, etter tjeneste, type, prioritet og alvorlighet.</source>
        <translation>Counts, trend and time to respond and resolve against the targets, by service, type, priority and severity.</translation>
    </message>
    <message>
        <source>Per gjennomgang: omfang, beslutninger, risikoflagg, tilbakekallinger og attestasjonen.</source>
        <translation>Per review: scope, decisions, risk flags, revocations and the attestation.</translation>
    </message>
    <message>
        <source>Endringsrådets referater for et møte eller for møtene i perioden.</source>
        <translation>The change board&apos;s minutes for one meeting or for the meetings in the period.</translation>
    </message>
    <message>
        <source>Produktkatalogen med hvor ferske ROS og DPIA er for hver tjeneste.</source>
        <translation>The service catalogue with how recent each service&apos;s risk assessment and DPIA are.</translation>
    </message>
    <message>
        <source>Anvendelseserklæring mot ISO/IEC 27001:2022 vedlegg A: alle 93 kontroller med anvendelighet, begrunnelse og status, koblet fra NSM-tiltakene.</source>
        <translation>Statement of Applicability against ISO/IEC 27001:2022 Annex A: all 93 controls with applicability, justification and status, mapped from the NSM measures.</translation>
    </message>
    <message>
        <source>siste 12 måneder (eller 2026, 2026-Q3, 2026-11, 2026-01-01..2026-06-30)</source>
        <translation>last 12 months (or 2026, 2026-Q3, 2026-11, 2026-01-01..2026-06-30)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>ODT (redigerbar)</source>
        <translation>ODT (editable)</translation>
    </message>
    <message>
        <source>XLSX (regneark)</source>
        <translation>XLSX (spreadsheet)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Gjennomgang</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Møte</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Forhåndsvis</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Lagre rapport…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rollen din kan ikke lage rapporter.</source>
        <translation>Your role cannot make reports.</translation>
    </message>
    <message>
        <source>Alle tjenester</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>Alle i perioden</source>
        <translation>All in the period</translation>
    </message>
    <message>
        <source>Perioden forstås ikke: skriv 2026, 2026-Q3, 2026-H1, 2026-11, en dag eller FRA..TIL.</source>
        <translation>The period is not understood: write 2026, 2026-Q3, 2026-H1, 2026-11, a day or FROM..TO.</translation>
    </message>
    <message>
        <source>Lager forhåndsvisning …</source>
        <translation>Making the preview …</translation>
    </message>
    <message>
        <source>Avbrutt.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Forhåndsvisning: ingenting er lagret eller ført i endringsloggen.</source>
        <translation>Preview: nothing is saved or recorded in the change log.</translation>
    </message>
    <message>
        <source>Avbryter …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Lagre rapport</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Lager rapporten …</source>
        <translation>Making the report …</translation>
    </message>
    <message>
        <source>Avbrutt: ingen fil er skrevet.</source>
        <translation>Cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Lagret %1 (SHA-256 %2). Rapporten er ført i endringsloggen.</source>
        <translation>Saved %1 (SHA-256 %2). The report is recorded in the change log.</translation>
    </message>
    <message>
        <source>ROS-rapport</source>
        <translation>Risk assessment report (ROS)</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::RequestDialog</name>
    <message>
        <source>Nytt endringsønske</source>
        <translation>New change request</translation>
    </message>
    <message>
        <source>Kort: hva ønskes endret</source>
        <translation>Short: what should be changed</translation>
    </message>
    <message>
        <source>(ingen virksomhet)</source>
        <translation>(no organisation)</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Nummeret på saken i brukerstøtte endringsønsket kom fra; virksomheten som meldte saken, blir da den som ønsker.</source>
        <translation>The number of the support case the change request came from; the organisation that reported the case then becomes the requester.</translation>
    </message>
    <message>
        <source>Tittel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Fra virksomhet:</source>
        <translation>From organisation:</translation>
    </message>
    <message>
        <source>Sak i brukerstøtte:</source>
        <translation>Support case:</translation>
    </message>
    <message>
        <source>Gi endringsønsket en tittel.</source>
        <translation>Give the change request a title.</translation>
    </message>
    <message>
        <source>Velg virksomheten som ønsker endringen, eller saken i brukerstøtte den kom fra.</source>
        <translation>Choose the organisation requesting the change, or the support case it came from.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::RespondDialog</name>
    <message>
        <source>Svar på %1</source>
        <translation>Respond to %1</translation>
    </message>
    <message>
        <source>Kvartalet endringen er planlagt i, som 2027-Q1: det plasserer den i veikartet.</source>
        <translation>The quarter the change is planned for, such as 2027-Q1: this places it on the roadmap.</translation>
    </message>
    <message>
        <source>Svaret til virksomheten: hva som skjer med ønsket, og hvorfor</source>
        <translation>The response to the organisation: what happens with the request, and why</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Kvartal:</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>Svar:</source>
        <translation>Response:</translation>
    </message>
    <message>
        <source>Kvartalet skrives som 2027-Q1.</source>
        <translation>The quarter is written as 2027-Q1.</translation>
    </message>
    <message>
        <source>Et planlagt endringsønske trenger et kvartal, som 2027-Q1.</source>
        <translation>A planned change request needs a quarter, such as 2027-Q1.</translation>
    </message>
    <message>
        <source>Skriv et svar til virksomheten: hvorfor ønsket er akseptert eller avvist.</source>
        <translation>Write a response to the organisation: why the request was accepted or rejected.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReviewDialog</name>
    <message>
        <source>Evaluer endringen</source>
        <translation>Review the change</translation>
    </message>
    <message>
        <source>Resultat:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Hvordan gikk det? (påkrevd om den ikke var vellykket)</source>
        <translation>How did it go? (required unless successful)</translation>
    </message>
    <message>
        <source>Forårsaket endringen disse hendelsene?</source>
        <translation>Did the change cause these incidents?</translation>
    </message>
    <message>
        <source>Ingen hendelser på de berørte tjenestene etter at endringen ble gjennomført.</source>
        <translation>No incidents on the services touched after the change was implemented.</translation>
    </message>
    <message>
        <source>Velg resultatet.</source>
        <translation>Choose the outcome.</translation>
    </message>
    <message>
        <source>Skriv hva som gikk galt, eller hva som ble rullet tilbake.</source>
        <translation>Write what went wrong, or what was rolled back.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReviewItemModel</name>
    <message>
        <source>Hele virksomheten</source>
        <translation>Whole organisation</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Ingen bruk</source>
        <translation>No use</translation>
    </message>
    <message>
        <source>Venter på 1. trinn</source>
        <translation>Awaiting step 1</translation>
    </message>
    <message>
        <source>Rolle: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <source>Leder: %1</source>
        <translation>Leader: %1</translation>
    </message>
    <message>
        <source>Gitt av %1 %2</source>
        <translation>Granted by %1 %2</translation>
    </message>
    <message>
        <source>Tjenesteområde: %1</source>
        <translation>Service area: %1</translation>
    </message>
    <message>
        <source>Innehaverens område: %1</source>
        <translation>Holder&apos;s area: %1</translation>
    </message>
    <message>
        <source>Lovhjemmel: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <source>Gir tilgang til taushetsbelagte opplysninger</source>
        <translation>Gives access to confidential data</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Scopes: %1</translation>
    </message>
    <message>
        <source>Revisjonsloggen kan ikke si om tilgangen er brukt (mangler nøkler eller innehaverens id).</source>
        <translation>The audit log cannot tell whether the access has been used (missing keys or the holder&apos;s ID).</translation>
    </message>
    <message>
        <source>Ingen bruk av tilgangen er funnet i revisjonsloggen.</source>
        <translation>No use of the access was found in the audit log.</translation>
    </message>
    <message>
        <source>Sist brukt %1 (revisjonsloggen)</source>
        <translation>Last used %1 (audit log)</translation>
    </message>
    <message>
        <source>Avgjort av %1, %2</source>
        <translation>Decided by %1, %2</translation>
    </message>
    <message>
        <source>1. trinn avgjort av %1</source>
        <translation>Step 1 decided by %1</translation>
    </message>
    <message>
        <source>Begrunnelse: %1</source>
        <translation>Justification: %1</translation>
    </message>
    <message>
        <source>Det som gjør tilgangen verdt en ekstra titt. Hold musen over merkene for forklaring.</source>
        <translation>What makes the access worth an extra look. Hover over the badges for an explanation.</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Innehaver</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Tilgang</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Detalj</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Flagg</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Sist brukt</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Gjennomgås av</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>Avgjørelse</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReviewView</name>
    <message>
        <source>Gjennomgang:</source>
        <translation>Review:</translation>
    </message>
    <message>
        <source>Tastene i tabellen: &lt;b&gt;B&lt;/b&gt; behold · &lt;b&gt;F&lt;/b&gt; fjern · &lt;b&gt;R&lt;/b&gt; reduser… · &lt;b&gt;D&lt;/b&gt; deleger… · piltastene flytter. Enter og mellomrom avgjør ikke noe.</source>
        <translation>Keys in the table: &lt;b&gt;B&lt;/b&gt; keep · &lt;b&gt;F&lt;/b&gt; revoke · &lt;b&gt;R&lt;/b&gt; reduce… · &lt;b&gt;D&lt;/b&gt; delegate… · the arrow keys move. Enter and space decide nothing.</translation>
    </message>
    <message>
        <source>B behold, F fjern, R reduser, D deleger. Enter og mellomrom avgjør ikke noe.</source>
        <translation>B keep, F revoke, R reduce, D delegate. Enter and space decide nothing.</translation>
    </message>
    <message>
        <source>Behold (B)</source>
        <translation>Keep (B)</translation>
    </message>
    <message>
        <source>Fjern (F)</source>
        <translation>Revoke (F)</translation>
    </message>
    <message>
        <source>Tilgangen tas bort når gjennomgangen lukkes.</source>
        <translation>The access is removed when the review is closed.</translation>
    </message>
    <message>
        <source>Reduser… (R)</source>
        <translation>Reduce… (R)</translation>
    </message>
    <message>
        <source>Tilgangen gjøres mindre: du blir spurt hva den skal bli.</source>
        <translation>The access is made smaller: you are asked what it should become.</translation>
    </message>
    <message>
        <source>Deleger… (D)</source>
        <translation>Delegate… (D)</translation>
    </message>
    <message>
        <source>En annen avgjør i stedet for deg: du blir spurt hvem.</source>
        <translation>Someone else decides instead of you: you are asked who.</translation>
    </message>
    <message>
        <source>Enter og mellomrom avgjør ikke noe, så ingen tilgang beholdes ved et uhell. Trykk B for å beholde eller F for å fjerne.</source>
        <translation>Enter and space decide nothing, so no access is kept by accident. Press B to keep or F to revoke.</translation>
    </message>
    <message>
        <source>%1 (frist %2)</source>
        <translation>%1 (due %2)</translation>
    </message>
    <message>
        <source>Frist %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Fristen %1 er passert</source>
        <translation>The due date %1 has passed</translation>
    </message>
    <message>
        <source>ansvarlig: %1</source>
        <translation>owner: %1</translation>
    </message>
    <message>
        <source>Du har ingen tilganger å gjennomgå i åpne gjennomganger.</source>
        <translation>You have no access grants to review in open reviews.</translation>
    </message>
    <message>
        <source>Rollen din (%1) kan se tilgangene, men ikke avgjøre dem.</source>
        <translation>Your role (%1) can see the access grants, but not decide on them.</translation>
    </message>
    <message>
        <source>%1 av %2 avgjort</source>
        <translation>%1 of %2 decided</translation>
    </message>
    <message>
        <source>Rollen din kan ikke avgjøre tilganger.</source>
        <translation>Your role cannot decide on access grants.</translation>
    </message>
    <message>
        <source>Administratortilgang: du blir bedt om en begrunnelse før den beholdes.</source>
        <translation>Administrator access: you will be asked for a justification before it is kept.</translation>
    </message>
    <message>
        <source>Tilgangen beholdes som den er.</source>
        <translation>The access is kept as it is.</translation>
    </message>
    <message>
        <source>hele virksomheten</source>
        <translation>the whole organisation</translation>
    </message>
    <message>
        <source>Nr %1: %2 – %3 i %4, %5</source>
        <translation>No. %1: %2 – %3 in %4, %5</translation>
    </message>
    <message>
        <source>Velg en tilgang i listen først.</source>
        <translation>Choose an access grant in the list first.</translation>
    </message>
    <message>
        <source>Nr %1 avgjøres først av %2 (1. trinn).</source>
        <translation>No. %1 is decided first by %2 (step 1).</translation>
    </message>
    <message>
        <source>Nr %1 er ikke blant tilgangene dine i denne gjennomgangen.</source>
        <translation>No. %1 is not among your access grants in this review.</translation>
    </message>
    <message>
        <source>Nr %1: %2.</source>
        <translation>No. %1: %2.</translation>
    </message>
    <message>
        <source>Alle tilgangene dine i denne gjennomgangen er avgjort.</source>
        <translation>All your access grants in this review have been decided.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::ReviewerRulesEditor</name>
    <message>
        <source>Leder (fra eksporten)</source>
        <translation>Leader (from the export)</translation>
    </message>
    <message>
        <source>Produktansvarlig for tjenesten</source>
        <translation>Product owner of the service</translation>
    </message>
    <message>
        <source>Navngitt person</source>
        <translation>Named person</translation>
    </message>
    <message>
        <source>e-post for navngitt person</source>
        <translation>email of named person</translation>
    </message>
    <message>
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Opp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Legg til minst én regel for hvem som gjennomgår.</source>
        <translation>Add at least one rule for who reviews.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::RiskPage</name>
    <message>
        <source>Risiko og ROS</source>
        <translation>Risk and ROS</translation>
    </message>
    <message>
        <source>Analyser alle modeller</source>
        <translation>Analyse all models</translation>
    </message>
    <message>
        <source>Kjør reglene på nyeste trusselmodell for hver tjeneste og oppdater registeret.</source>
        <translation>Run the rules on each service&apos;s newest threat model and update the register.</translation>
    </message>
    <message>
        <source>Åpne og besluttede</source>
        <translation>Open and decided</translation>
    </message>
    <message>
        <source>Over akseptkriteriene</source>
        <translation>Above the acceptance criteria</translation>
    </message>
    <message>
        <source>Venter på meg</source>
        <translation>Waiting for me</translation>
    </message>
    <message>
        <source>Akseptert</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Lukket (trusselen er borte)</source>
        <translation>Closed (the threat is gone)</translation>
    </message>
    <message>
        <source>Søk i tittel, element eller regel</source>
        <translation>Search title, element or rule</translation>
    </message>
    <message>
        <source>Tjeneste:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Vis:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>S × K</source>
        <translation>L × C</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Eier</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Tjeneste</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Risiko</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Vurderinger over tid</source>
        <translation>Assessments over time</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Eier …</source>
        <translation>Owner …</translation>
    </message>
    <message>
        <source>Ny vurdering …</source>
        <translation>New assessment …</translation>
    </message>
    <message>
        <source>Nytt tiltak …</source>
        <translation>New measure …</translation>
    </message>
    <message>
        <source>Tiltak gjennomført</source>
        <translation>Measure done</translation>
    </message>
    <message>
        <source>Beslutt …</source>
        <translation>Decide …</translation>
    </message>
    <message>
        <source>Aksepter …</source>
        <translation>Accept …</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Trusselmodell:</source>
        <translation>Threat model:</translation>
    </message>
    <message>
        <source>STRIDE</source>
        <translation>STRIDE</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Trussel</source>
        <translation>Threat</translation>
    </message>
    <message>
        <source>Vis hvem som berøres</source>
        <translation>Show who is affected</translation>
    </message>
    <message>
        <source>Opprett gjennomgangsoppgaver</source>
        <translation>Create review tasks</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Node:</translation>
    </message>
    <message>
        <source>Velg en tjeneste, komponent, kommune eller leverandør og en hendelse.</source>
        <translation>Choose a service, component, municipality or vendor and an event.</translation>
    </message>
    <message>
        <source>Berørt</source>
        <translation>Affected</translation>
    </message>
    <message>
        <source>Avstand</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Vei dit</source>
        <translation>Path there</translation>
    </message>
    <message>
        <source>Konsekvens av endring</source>
        <translation>Impact of change</translation>
    </message>
    <message>
        <source>Opprettet</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Utgangspunkt</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Dokument som må gjennomgås</source>
        <translation>Document to review</translation>
    </message>
    <message>
        <source>Vei</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Marker som gjennomgått …</source>
        <translation>Mark as reviewed …</translation>
    </message>
    <message>
        <source>Gjennomgangsoppgaver</source>
        <translation>Review tasks</translation>
    </message>
    <message>
        <source>Bare sikkerhetsansvarlig og produktansvarlig oppretter gjennomgangsoppgaver.</source>
        <translation>Only the security officer and product owners create review tasks.</translation>
    </message>
    <message>
        <source>Risikoregisteret er for sikkerhetsansvarlig, produktansvarlige, ledere, endringsrådet og revisor. Rollen din (%1) har ikke tilgang til det.</source>
        <translation>The risk register is for the security officer, product owners, leaders, the change board and the auditor. Your role (%1) has no access to it.</translation>
    </message>
    <message>
        <source>Gjennomgått</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Hva viste gjennomgangen? (føres i endringsloggen)</source>
        <translation>What did the review show? (recorded in the change log)</translation>
    </message>
    <message>
        <source>Alle tjenester</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>%1 (versjon %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message numerus="yes">
        <source>%n risiko(er) vises.</source>
        <translation>
            <numerusform>%n risk shown.</numerusform>
            <numerusform>%n risks shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 åpne, %2 av dem over akseptkriteriene.</source>
        <translation>%1 open, %2 of them above the acceptance criteria.</translation>
    </message>
    <message>
        <source>Bare ruten sannsynlighet %1, konsekvens %2 (klikk den igjen for alle).</source>
        <translation>Only the cell likelihood %1, consequence %2 (click it again for all).</translation>
    </message>
    <message>
        <source>&lt;p&gt;Velg en risiko i listen for å se vurderingene, tiltakene og beslutningene.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choose a risk in the list to see its assessments, measures and decisions.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Akseptert av %1 %2 på nivå %3, til og med %4: %5</source>
        <translation>Accepted by %1 %2 at level %3, until %4: %5</translation>
    </message>
    <message>
        <source>Nivå %1: sannsynlighet %2, konsekvens %3 (matriseversjon %4), %5.</source>
        <translation>Level %1: likelihood %2, consequence %3 (matrix version %4), %5.</translation>
    </message>
    <message>
        <source>innenfor akseptkriteriene</source>
        <translation>within the acceptance criteria</translation>
    </message>
    <message>
        <source>over akseptkriteriene</source>
        <translation>above the acceptance criteria</translation>
    </message>
    <message>
        <source>Konsekvens per dimensjon: </source>
        <translation>Consequence per dimension: </translation>
    </message>
    <message>
        <source>ikke vurdert</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>Eier: %1 · vurdert av %2 · %3 · %4</source>
        <translation>Owner: %1 · assessed by %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Restrisiko</source>
        <translation>Residual</translation>
    </message>
    <message>
        <source>Iboende</source>
        <translation>Inherent</translation>
    </message>
    <message>
        <source>%1 – %2, frist %3, ansvarlig %4</source>
        <translation>%1 – %2, due %3, responsible %4</translation>
    </message>
    <message>
        <source>gjennomført</source>
        <translation>done</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>avbrutt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>planlagt</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Bare sikkerhetsansvarlig og produktansvarlig endrer risikoer.</source>
        <translation>Only the security officer and product owners change risks.</translation>
    </message>
    <message>
        <source>Rollen din kan ikke akseptere risiko.</source>
        <translation>Your role cannot accept risk.</translation>
    </message>
    <message>
        <source>Over akseptkriteriene aksepterer bare risikoeieren (%1), og aldri den som vurderte risikoen.</source>
        <translation>Above the acceptance criteria only the risk owner (%1) accepts, and never the one who assessed the risk.</translation>
    </message>
    <message>
        <source>ingen er satt</source>
        <translation>none is set</translation>
    </message>
    <message>
        <source>Aksepter risiko</source>
        <translation>Accept risk</translation>
    </message>
    <message>
        <source>Aksepten signeres med ditt navn i endringsloggen og gjelder nivået risikoen har nå.</source>
        <translation>The acceptance is signed with your name in the change log and holds for the level the risk has now.</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Justification:</translation>
    </message>
    <message>
        <source>Gjelder til og med:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Beslutt</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>Håndtert (tiltak er på plass)</source>
        <translation>Mitigated (measures are in place)</translation>
    </message>
    <message>
        <source>Falsk positiv (gjelder ikke)</source>
        <translation>False positive (does not apply)</translation>
    </message>
    <message>
        <source>Åpne igjen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Beslutning:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Risikoeier</source>
        <translation>Risk owner</translation>
    </message>
    <message>
        <source>Brukernavnet til den som eier risikoen:</source>
        <translation>The username of the risk&apos;s owner:</translation>
    </message>
    <message>
        <source>Nytt tiltak</source>
        <translation>New measure</translation>
    </message>
    <message>
        <source> trinn</source>
        <translation> steps</translation>
    </message>
    <message>
        <source>Tiltak:</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <source>Ansvarlig:</source>
        <translation>Responsible:</translation>
    </message>
    <message>
        <source>Frist:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Senker sannsynligheten med:</source>
        <translation>Lowers the likelihood by:</translation>
    </message>
    <message>
        <source>Ny vurdering</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>Sannsynlighet:</source>
        <translation>Likelihood:</translation>
    </message>
    <message>
        <source>Analyserer trusselmodellene …</source>
        <translation>Analysing the threat models …</translation>
    </message>
    <message>
        <source>Ingen trusselmodeller er importert ennå.</source>
        <translation>No threat models have been imported yet.</translation>
    </message>
    <message>
        <source>Tegner dataflytdiagrammet …</source>
        <translation>Drawing the data-flow diagram …</translation>
    </message>
    <message>
        <source>Grensene er tillitsgrenser; fargen er det høyeste risikonivået på elementet eller dataflyten.</source>
        <translation>The boxes are trust boundaries; the colour is the highest risk level on the element or data flow.</translation>
    </message>
    <message numerus="yes">
        <source>%n berørt</source>
        <translation>
            <numerusform>%n affected</numerusform>
            <numerusform>%n affected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ved %2 når %n node(r).</source>
        <translation>
            <numerusform>%1 at %2 reaches %n node.</numerusform>
            <numerusform>%1 at %2 reaches %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ny(e) gjennomgangsoppgave(r).</source>
        <translation>
            <numerusform>%n new review task.</numerusform>
            <numerusform>%n new review tasks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gjennomgangsoppgaver (%1)</source>
        <translation>Review tasks (%1)</translation>
    </message>
    <message>
        <source>Type hendelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Eksporter …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Registeret som regneark (XLSX) eller CSV, med risikoer og tiltak.</source>
        <translation>The register as a spreadsheet (XLSX) or CSV, with risks and measures.</translation>
    </message>
    <message>
        <source>Importer …</source>
        <translation>Import …</translation>
    </message>
    <message>
        <source>Hent inn et regneark: Vakts eget, eller et register dere har ført før (norske kolonnenavn forstås).</source>
        <translation>Bring in a spreadsheet: Vakt&apos;s own, or a register you kept before (Norwegian column names are understood).</translation>
    </message>
    <message>
        <source>Historier og ROS-mal</source>
        <translation>Stories and ROS template</translation>
    </message>
    <message>
        <source>Tapsrisiko</source>
        <translation>Loss exposure</translation>
    </message>
    <message>
        <source>%1 kr</source>
        <translation>NOK %1</translation>
    </message>
    <message>
        <source>Koble hendelse …</source>
        <translation>Link incident …</translation>
    </message>
    <message>
        <source>En hendelse (varsel, funn i revisjonsloggen, sak fra brukerstøtte) som viser at risikoen inntreffer.</source>
        <translation>An incident (an alert, an audit-log finding, a service-desk case) that shows the risk happening.</translation>
    </message>
    <message>
        <source>Anslag …</source>
        <translation>Estimate …</translation>
    </message>
    <message>
        <source>Hvor ofte per år, og hva én hendelse koster med 90 % sikkerhet.</source>
        <translation>How often a year, and what one event costs with 90 % confidence.</translation>
    </message>
    <message>
        <source>Godta forslaget</source>
        <translation>Accept the suggestion</translation>
    </message>
    <message>
        <source>Avvis forslaget …</source>
        <translation>Reject the suggestion …</translation>
    </message>
    <message>
        <source>Forslag til ny vurdering:</source>
        <translation>Suggested re-score:</translation>
    </message>
    <message numerus="yes">
        <source>%n hendelse(r) de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.</source>
        <translation>
            <numerusform>%n incident in the last %1 days (about %2 a year) says likelihood %3, not %4. The risk owner %5 accepts or rejects.</numerusform>
            <numerusform>%n incidents in the last %1 days (about %2 a year) say likelihood %3, not %4. The risk owner %5 accepts or rejects.</numerusform>
        </translation>
    </message>
    <message>
        <source>(ingen er satt)</source>
        <translation>(none set)</translation>
    </message>
    <message>
        <source>Hendelser koblet som bevis</source>
        <translation>Incidents linked as evidence</translation>
    </message>
    <message>
        <source>Anslag: %1 hendelser per år, %2 til %3 per hendelse (90 %), av %4.</source>
        <translation>Estimate: %1 events a year, %2 to %3 per event (90 %), by %4.</translation>
    </message>
    <message>
        <source>Bare risikoeieren avgjør et forslag til ny vurdering.</source>
        <translation>Only the risk owner decides on a suggested re-score.</translation>
    </message>
    <message>
        <source>Koble hendelse til risikoen</source>
        <translation>Link an incident to the risk</translation>
    </message>
    <message>
        <source>Åpen hendelse for tjenesten: #%1 %2</source>
        <translation>Open incident of the service: #%1 %2</translation>
    </message>
    <message>
        <source>Hendelse nr.:</source>
        <translation>Incident no.:</translation>
    </message>
    <message>
        <source>Merknad:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Avvis forslaget</source>
        <translation>Reject the suggestion</translation>
    </message>
    <message>
        <source>Merknad (valgfri):</source>
        <translation>Note (optional):</translation>
    </message>
    <message>
        <source>Hvorfor avvises forslaget?</source>
        <translation>Why is the suggestion rejected?</translation>
    </message>
    <message>
        <source>Anslag for risikoen</source>
        <translation>Estimate for the risk</translation>
    </message>
    <message>
        <source> kr</source>
        <translation> kr</translation>
    </message>
    <message>
        <source>Hendelser per år:</source>
        <translation>Events per year:</translation>
    </message>
    <message>
        <source>Tap per hendelse, lavt (5 %):</source>
        <translation>Loss per event, low (5 %):</translation>
    </message>
    <message>
        <source>Tap per hendelse, høyt (95 %):</source>
        <translation>Loss per event, high (95 %):</translation>
    </message>
    <message>
        <source>Grunnlag:</source>
        <translation>Basis:</translation>
    </message>
    <message numerus="yes">
        <source>Registeret (%n risiko(er)) er lagret i %1.</source>
        <translation>
            <numerusform>The register (%n risk) is saved in %1.</numerusform>
            <numerusform>The register (%n risks) is saved in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Eksporter registeret</source>
        <translation>Export the register</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx);;CSV (*.csv)</source>
        <translation>Spreadsheet (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Importer register</source>
        <translation>Import a register</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx *.csv)</source>
        <translation>Spreadsheet (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>%1 nye risikoer, %2 endret, %3 uendret; %4 nye tiltak, %5 endret. Importere?</source>
        <translation>%1 new risks, %2 changed, %3 unchanged; %4 new measures, %5 changed. Import?</translation>
    </message>
    <message>
        <source>Importert fra %1: %2 nye, %3 endrede risikoer.</source>
        <translation>Imported from %1: %2 new, %3 changed risks.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::RoundDialog</name>
    <message>
        <source>Ny poengrunde</source>
        <translation>New points round</translation>
    </message>
    <message>
        <source>Poengene hvert medlem fordeler på de åpne endringsønskene.</source>
        <translation>The points each member distributes across the open change requests.</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Poeng per medlem:</source>
        <translation>Points per member:</translation>
    </message>
    <message>
        <source>Gi poengrunden et navn.</source>
        <translation>Give the points round a name.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::StateDialog</name>
    <message>
        <source>Endre status</source>
        <translation>Change state</translation>
    </message>
    <message>
        <source>Ny status:</source>
        <translation>New state:</translation>
    </message>
    <message>
        <source>Venter på:</source>
        <translation>Waiting on:</translation>
    </message>
    <message>
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Hva er gjort, eller hva venter saken på?</source>
        <translation>What has been done, or what does the case wait for?</translation>
    </message>
    <message>
        <source>En lukket sak kan ikke endres.</source>
        <translation>A closed case cannot be changed.</translation>
    </message>
    <message>
        <source>Skriv hvordan saken ble løst; melderen kan åpne den igjen.</source>
        <translation>Write how the case was resolved; the reporter can reopen it.</translation>
    </message>
    <message>
        <source>Skriv hvorfor saken lukkes. En lukket sak kan ikke endres igjen.</source>
        <translation>Write why the case is closed. A closed case cannot be changed again.</translation>
    </message>
    <message>
        <source>Velg en ny status.</source>
        <translation>Choose a new state.</translation>
    </message>
    <message>
        <source>Skriv hvordan saken ble løst.</source>
        <translation>Write how the case was resolved.</translation>
    </message>
    <message>
        <source>Skriv hvorfor saken lukkes.</source>
        <translation>Write why the case is closed.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::StoriesTab</name>
    <message>
        <source>Innbygger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Saksbehandler</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Integrasjon</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Leverandør</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>Plattformdrift</source>
        <translation>Platform operations</translation>
    </message>
    <message>
        <source>Tjeneste:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Lag ROS-mal for kommunene …</source>
        <translation>Make the ROS template for the municipalities …</translation>
    </message>
    <message>
        <source>Lagrer en ROS-mal (XLSX eller Markdown) med tjenestens data, brukerhistorier, plattformens risikoer og tiltak, og tomme kolonner for kommunens egen vurdering.</source>
        <translation>Saves a ROS template (XLSX or Markdown) with the service&apos;s data, user stories, the platform&apos;s risks and measures, and empty columns for the municipality&apos;s own assessment.</translation>
    </message>
    <message>
        <source>Historie</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Lagre ROS-mal</source>
        <translation>Save the ROS template</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx);;Markdown (*.md)</source>
        <translation>Spreadsheet (*.xlsx);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Ingen tjeneste har en trusselmodell ennå.</source>
        <translation>No service has a threat model yet.</translation>
    </message>
    <message>
        <source>Trusselmodellen for %1 har ingen brukerhistorier ennå (personas og stories i modellfilen).</source>
        <translation>The threat model of %1 has no user stories yet (personas and stories in the model file).</translation>
    </message>
    <message numerus="yes">
        <source>%n brukerhistorie(r) i trusselmodellen for %1, versjon %2.</source>
        <translation>
            <numerusform>%n user story in the threat model of %1, version %2.</numerusform>
            <numerusform>%n user stories in the threat model of %1, version %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Går gjennom: %1</source>
        <translation>Goes through: %1</translation>
    </message>
    <message>
        <source>Mot: %1</source>
        <translation>Against it: %1</translation>
    </message>
    <message>
        <source>%1 – reises ikke av gjeldende analyse</source>
        <translation>%1 – not raised by the current analysis</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Risikoer ingen historie nevner (%1)</source>
        <translation>Risks no story names (%1)</translation>
    </message>
    <message>
        <source>Kunne ikke lagre %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>ROS-malen for %1 er lagret i %2.</source>
        <translation>The ROS template for %1 is saved in %2.</translation>
    </message>
</context>
<context>
    <name>vakt::desktop::WindowDialog</name>
    <message>
        <source>Planlegg endringen</source>
        <translation>Schedule the change</translation>
    </message>
    <message>
        <source>Når endringen skal gjøres. Vinduet kontrolleres mot andre endringer og frysperiodene når det er lagret.</source>
        <translation>When the change is to be made. The window is checked against other changes and the freezes once saved.</translation>
    </message>
    <message>
        <source>Fra (%1):</source>
        <translation>From (%1):</translation>
    </message>
    <message>
        <source>Til (%1):</source>
        <translation>Until (%1):</translation>
    </message>
    <message>
        <source>Vinduet må slutte etter at det begynner.</source>
        <translation>The window must end after it starts.</translation>
    </message>
</context>
</TS>
