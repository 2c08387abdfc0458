<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nb">
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
        <source>Fødselsnummer, d-nummer eller aktør-id</source>
        <translation>National identity number, D number or actor id</translation>
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
    <message>
        <source>Revisjonsloggen er ikke tilgjengelig: %1</source>
        <translation>The audit log is not available: %1</translation>
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
        <source>
Ingen bevis ennå: %1</source>
        <translation>
No proof yet: %1</translation>
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
        <source>Beviset holder ikke: %1</source>
        <translation>The proof does not hold: %1</translation>
    </message>
    <message>
        <source>Loggen er uendret: %1 hendelser og %2 signerte trehoder stemmer (verifisert %3).</source>
        <translation>The log is unchanged: %1 events and %2 signed tree heads match (verified %3).</translation>
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
        <source>Hva</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ingen åpne funn fra deteksjonsreglene.</source>
        <translation>No open findings from the detection rules.</translation>
    </message>
    <message>
        <source>Åpne funn fra deteksjonsreglene: %1</source>
        <translation>Open findings from the detection rules: %1</translation>
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
        <source>Alle tjenester (for eksempel svarut)</source>
        <translation>All services (for example svarut)</translation>
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
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
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
        <source>Sist gjennomgått: «%1» er ikke en dato (ÅÅÅÅ-MM-DD).</source>
        <translation>Last reviewed: “%1” is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Dokumenter, rad %1: «%2» er ikke en dato (ÅÅÅÅ-MM-DD).</source>
        <translation>Documents, row %1: “%2” is not a date (YYYY-MM-DD).</translation>
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
        <source>Det nye språket brukes neste gang Vakt startes.</source>
        <translation>The new language is used the next time Vakt starts.</translation>
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
    <message numerus="yes">
        <source>Oppdatert %1. %n tjeneste(r) overvåkes.</source>
        <translation>
            <numerusform>Updated %1. %n service is monitored.</numerusform>
            <numerusform>Updated %1. %n services are monitored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Velg en tjeneste for å se utviklingen</source>
        <translation>Select a service to see its history</translation>
    </message>
    <message>
        <source>%1 siste 24 timer</source>
        <translation>%1, last 24 hours</translation>
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
        <source>Åpne varsler: %1</source>
        <translation>Open alerts: %1</translation>
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
</context>
</TS>
