<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>Runde %1</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OFFEN</translation>
    </message>
    <message>
        <source>Free discussion</source>
        <translation>Freie Diskussion</translation>
    </message>
</context>
<context>
    <name>ArchiveSearch</name>
    <message>
        <source>Search all conferences: question, option, case, diagnosis, gene (Ctrl+F)</source>
        <extracomment>Milliseconds of quiet typing before the search runs. Hits listed at most (the count says how many there are).</extracomment>
        <translation>Alle Konferenzen durchsuchen: Frage, Option, Fall, Diagnose, Gen (Strg+F)</translation>
    </message>
    <message>
        <source>Search all conferences</source>
        <translation>Alle Konferenzen durchsuchen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Konferenz</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gestellt</translation>
    </message>
    <message>
        <source>Questions found in the archive</source>
        <translation>Gefundene Fragen im Archiv</translation>
    </message>
    <message>
        <source>%1 questions found; the newest %2 are shown</source>
        <translation>%1 Fragen gefunden; die neuesten %2 werden gezeigt</translation>
    </message>
    <message>
        <source>1 question found</source>
        <translation>1 Frage gefunden</translation>
    </message>
    <message>
        <source>%1 questions found</source>
        <translation>%1 Fragen gefunden</translation>
    </message>
</context>
<context>
    <name>AskedBeforeBox</name>
    <message>
        <source>Link to an earlier question…</source>
        <translation>Mit früherer Frage verknüpfen …</translation>
    </message>
    <message>
        <source>Not asked before</source>
        <translation>Nicht zuvor gefragt</translation>
    </message>
    <message>
        <source>Link by the text</source>
        <translation>Nach dem Text verknüpfen</translation>
    </message>
    <message>
        <source>Undo the choice by hand: an earlier question with the same text is linked</source>
        <translation>Die Wahl von Hand zurücknehmen: eine frühere Frage mit demselben Text wird verknüpft</translation>
    </message>
    <message>
        <source>chosen by hand</source>
        <translation>von Hand gewählt</translation>
    </message>
    <message>
        <source>the same text</source>
        <translation>derselbe Text</translation>
    </message>
    <message>
        <source>Not asked before (chosen by hand).</source>
        <translation>Nicht zuvor gefragt (von Hand gewählt).</translation>
    </message>
    <message>
        <source>Not asked before: no earlier question has this text.</source>
        <translation>Nicht zuvor gefragt: keine frühere Frage hat diesen Text.</translation>
    </message>
    <message>
        <source>Asked before</source>
        <translation>Zuvor gefragt</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance check-in</source>
        <translation>Anwesenheit erfassen</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Names / EFN</source>
        <translation>Namen / EFN</translation>
    </message>
    <message>
        <source>Link tested</source>
        <translation>Link getestet</translation>
    </message>
    <message>
        <source>Present: %1</source>
        <translation>Anwesend: %1</translation>
    </message>
    <message>
        <source>Attendees: %1</source>
        <translation>Teilnehmende: %1</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Namen: %1</translation>
    </message>
    <message>
        <source>The sites check in their own participants on their voting page.</source>
        <translation>Die Standorte melden ihre Teilnehmenden selbst auf ihrer Abstimmungsseite an.</translation>
    </message>
    <message>
        <source>Close sites&apos; check-in</source>
        <translation>Anmeldung der Standorte schließen</translation>
    </message>
    <message>
        <source>Sites&apos; check-in closed: only you change attendance now.</source>
        <translation>Anmeldung der Standorte geschlossen: nur Sie ändern die Anwesenheit.</translation>
    </message>
    <message>
        <source>Reopen sites&apos; check-in</source>
        <translation>Anmeldung der Standorte wieder öffnen</translation>
    </message>
    <message>
        <source>Names (%1)…</source>
        <translation>Namen (%1) …</translation>
    </message>
    <message>
        <source>Names (%1, %2 invalid EFN)…</source>
        <translation>Namen (%1, %2 EFN ungültig)…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>%1 of %2 sites present, %3 attendees</source>
        <translation>%1 von %2 Standorten anwesend, %3 Teilnehmende</translation>
    </message>
</context>
<context>
    <name>AttendeesDialog</name>
    <message>
        <source>Attendees: %1</source>
        <translation>Teilnehmende: %1</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>EFN (15 digits)</source>
        <translation>EFN (15 Ziffern)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Row %1: name missing</source>
        <translation>Zeile %1: Name fehlt</translation>
    </message>
    <message>
        <source>Row %1: EFN “%2”: %3 – kept, marked “invalid EFN” on the CME list</source>
        <translation>Zeile %1: EFN „%2“: %3 – übernommen, auf der CME-Liste als „EFN ungültig“ markiert</translation>
    </message>
    <message>
        <source>15 digits expected</source>
        <translation>15 Ziffern erwartet</translation>
    </message>
    <message>
        <source>must start with %1</source>
        <translation>muss mit %1 beginnen</translation>
    </message>
    <message>
        <source>check digit wrong</source>
        <translation>Prüfziffer falsch</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>BallotDialog</name>
    <message>
        <source>Enter vote for site</source>
        <extracomment>Characters of a site&apos;s name the site box shows before it elides (the whole name is its tooltip); option labels wrap at about this many characters a line.</extracomment>
        <translation>Stimme für Standort eintragen</translation>
    </message>
    <message>
        <source>%1 (has voted; replaces)</source>
        <translation>%1 (hat abgestimmt; wird ersetzt)</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Enthaltung</translation>
    </message>
    <message>
        <source>The vote is marked as entered by the moderator.</source>
        <translation>Die Stimme wird als „eingetragen durch Moderation“ gekennzeichnet.</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Standort</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentar</translation>
    </message>
    <message>
        <source>Enter vote</source>
        <translation>Stimme eintragen</translation>
    </message>
    <message>
        <source>Choose a site</source>
        <translation>Bitte einen Standort wählen</translation>
    </message>
    <message>
        <source>Choose an answer</source>
        <translation>Bitte eine Antwort wählen</translation>
    </message>
</context>
<context>
    <name>CallTotalsNote</name>
    <message>
        <source>Counted by the video call (anonymous poll): no sites, so not in the chart and without a consensus class</source>
        <translation>Von der Videokonferenz gezählt (anonyme Umfrage): ohne Standorte, daher nicht im Diagramm und ohne Konsensstärke</translation>
    </message>
    <message>
        <source>valid answers: %1 · abstentions: %2</source>
        <translation>gültige Antworten: %1 · Enthaltungen: %2</translation>
    </message>
    <message>
        <source>Round %1: </source>
        <translation>Runde %1: </translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>mut/Mb</source>
        <translation>Mut/Mb</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>Gen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>VAF %</source>
        <translation>VAF %</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Presented by</source>
        <translation>&amp;Vorgestellt von</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>&amp;Alter</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Geschlecht</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>&amp;Diagnose</translation>
    </message>
    <message>
        <source>&amp;ICD-10</source>
        <translation>&amp;ICD-10</translation>
    </message>
    <message>
        <source>&amp;Histology</source>
        <translation>&amp;Histologie</translation>
    </message>
    <message>
        <source>Stag&amp;e</source>
        <translation>Sta&amp;dium</translation>
    </message>
    <message>
        <source>E&amp;COG</source>
        <translation>E&amp;COG</translation>
    </message>
    <message>
        <source>Prior therapy &amp;lines</source>
        <translation>&amp;Vortherapielinien</translation>
    </message>
    <message>
        <source>Prior thera&amp;pies</source>
        <translation>Vorthera&amp;pien</translation>
    </message>
    <message>
        <source>T&amp;MB</source>
        <translation>T&amp;MB</translation>
    </message>
    <message>
        <source>MS&amp;I</source>
        <translation>MS&amp;I</translation>
    </message>
    <message>
        <source>Case &amp;text</source>
        <translation>Fall&amp;text</translation>
    </message>
    <message>
        <source>Molecular findings</source>
        <translation>Molekulare Befunde</translation>
    </message>
    <message>
        <source>ICD-O-3 topography</source>
        <translation>ICD-O-3-Topographie</translation>
    </message>
    <message>
        <source>ICD-O-3 morphology with behaviour code</source>
        <translation>ICD-O-3-Morphologie mit Dignitätskode</translation>
    </message>
    <message>
        <source>What the table of lines does not say</source>
        <translation>Was die Tabelle der Linien nicht sagt</translation>
    </message>
    <message>
        <source>Alteration (p.)</source>
        <translation>Veränderung (p.)</translation>
    </message>
    <message>
        <source>c. notation</source>
        <translation>c.-Notation</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>CN</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>Bruchpunkte</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidenzlevel</translation>
    </message>
    <message>
        <source>Paste rows from a spreadsheet with Ctrl+V: gene, alteration, kind, VAF, c. notation, transcript, … in the order of the columns, or any order under a header row</source>
        <translation>Zeilen aus einer Tabellenkalkulation mit Strg+V einfügen: Gen, Veränderung, Art, VAF, c.-Notation, Transkript, … in der Reihenfolge der Spalten, oder in beliebiger Reihenfolge unter einer Kopfzeile</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Substances</source>
        <translation>Substanzen</translation>
    </message>
    <message>
        <source>Best response</source>
        <translation>Beste Antwort</translation>
    </message>
    <message>
        <source>Prior lines of therapy</source>
        <translation>Therapielinien</translation>
    </message>
    <message>
        <source>Paste rows with Ctrl+V: line, substances, best response (CR, PR, SD, PD, NE)</source>
        <translation>Zeilen mit Strg+V einfügen: Linie, Substanzen, beste Antwort (CR, PR, SD, PD, NE)</translation>
    </message>
    <message>
        <source>ICD-&amp;O-3</source>
        <translation>ICD-&amp;O-3</translation>
    </message>
    <message>
        <source>T&amp;NM</source>
        <translation>T&amp;NM</translation>
    </message>
    <message>
        <source>Como&amp;rbidities</source>
        <translation>Begleiterk&amp;rankungen</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Linie hinzufügen</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Linie entfernen</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Befund hinzufügen</translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation>Befund entfernen</translation>
    </message>
    <message>
        <source>TMB must be a number (mutations per megabase)</source>
        <translation>TMB muss eine Zahl sein (Mutationen pro Megabase)</translation>
    </message>
    <message>
        <source>A case needs a title</source>
        <translation>Ein Fall braucht einen Titel</translation>
    </message>
    <message>
        <source>Not an ICD-10 code (e.g. C25.0)</source>
        <translation>Kein ICD-10-Code (z. B. C25.0)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>CheckInNote</name>
    <message>
        <source>%1 checked in by ballot</source>
        <extracomment>How long the calm check-in note stays (it is also in the attendance count and the log).</extracomment>
        <translation>%1 durch Stimmabgabe eingecheckt</translation>
    </message>
</context>
<context>
    <name>ConferenceForm</name>
    <message>
        <source>19 digits, from the medical chamber</source>
        <translation>19 Ziffern, von der Ärztekammer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>e.g. A</source>
        <translation>z. B. A</translation>
    </message>
    <message>
        <source>as on the attendance certificates</source>
        <translation>wie auf den Teilnahmebescheinigungen</translation>
    </message>
    <message>
        <source>Fellow</source>
        <translation>Fellow</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Add fellow</source>
        <translation>Fellow hinzufügen</translation>
    </message>
    <message>
        <source>Remove fellow</source>
        <translation>Fellow entfernen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>CME &amp;points</source>
        <translation>CME-&amp;Punkte</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Thema</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>Scie&amp;ntific lead</source>
        <translation>&amp;Wissenschaftliche Leitung</translation>
    </message>
    <message>
        <source>Or&amp;ganiser</source>
        <translation>&amp;Veranstalter</translation>
    </message>
    <message>
        <source>&amp;Language of the round</source>
        <translation>&amp;Sprache der Runde</translation>
    </message>
    <message>
        <source>&amp;VNR (CME event number)</source>
        <translation>&amp;VNR (CME-Veranstaltungsnummer)</translation>
    </message>
    <message>
        <source>&amp;CME category</source>
        <translation>CME-&amp;Kategorie</translation>
    </message>
    <message>
        <source>Fellows</source>
        <translation>Fellows</translation>
    </message>
    <message>
        <source>The conference needs a topic</source>
        <translation>Die Konferenz braucht ein Thema</translation>
    </message>
    <message>
        <source>The VNR has 19 digits</source>
        <translation>Die VNR hat 19 Ziffern</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a voting server</source>
        <extracomment>the credential store&apos;s service name for moderator tokens</extracomment>
        <translation>Mit Abstimmungsserver verbinden</translation>
    </message>
    <message>
        <source>The token is kept in the system&apos;s credential store, never in a settings file.</source>
        <translation>Das Token wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Moderator token</source>
        <translation>Moderator-Token</translation>
    </message>
    <message>
        <source>Enter the moderator token.</source>
        <translation>Bitte das Moderator-Token eingeben.</translation>
    </message>
</context>
<context>
    <name>ConnectionStrip</name>
    <message>
        <source>Connection to the voting server</source>
        <extracomment>a note&apos;s save ended: ``done(None)``, or ``done(error)`` (in the GUI thread) a local source&apos;s connection: always there</extracomment>
        <translation>Verbindung zum Abstimmungsserver</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: choose its CA file (Live → Connect to a voting server…), or ask IT.</source>
        <translation>Das Zertifikat des Servers ist nicht vertrauenswürdig: seine CA-Datei wählen (Live → Mit Abstimmungsserver verbinden …) oder die IT fragen.</translation>
    </message>
    <message>
        <source>The server refuses the moderator token: enter it again (Live → Connect to a voting server…).</source>
        <translation>Der Server lehnt das Moderator-Token ab: bitte neu eingeben (Live → Mit Abstimmungsserver verbinden …).</translation>
    </message>
    <message>
        <source>This conference no longer exists on the server.</source>
        <translation>Diese Konferenz gibt es auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Connected, but the server cannot reach its database: votes are not being stored. Retrying in %1 s</source>
        <translation>Verbunden, aber der Server erreicht seine Datenbank nicht: Stimmen werden nicht gespeichert. Neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Connection lost — retrying in %1 s</source>
        <translation>Verbindung unterbrochen — neuer Versuch in %1 s</translation>
    </message>
</context>
<context>
    <name>ConsoleSide</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Enter or double-click: make this the current question</source>
        <translation>Eingabe oder Doppelklick: diese Frage zur aktuellen machen</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>Erfassen …</translation>
    </message>
    <message>
        <source>AGENDA</source>
        <translation>AGENDA</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <source>Voting server</source>
        <translation>Abstimmungsserver</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>Port </translation>
    </message>
    <message>
        <source>Port of the voting server</source>
        <translation>Port des Abstimmungsservers</translation>
    </message>
    <message>
        <source>Port of the voting server; change it if the port is in use</source>
        <translation>Port des Abstimmungsservers; ändern, wenn der Port belegt ist</translation>
    </message>
    <message>
        <source>check-in open</source>
        <translation>Anmeldung offen</translation>
    </message>
    <message>
        <source>check-in closed</source>
        <translation>Anmeldung geschlossen</translation>
    </message>
    <message>
        <source>%1 attendees</source>
        <translation>%1 Teilnehmende</translation>
    </message>
    <message>
        <source>Reopen sites&apos; check-&amp;in</source>
        <translation>Anmeldung der Standorte wieder &amp;öffnen</translation>
    </message>
    <message>
        <source>Close sites&apos; check-&amp;in</source>
        <translation>Anmeldung der Standorte s&amp;chließen</translation>
    </message>
    <message>
        <source>● Local server · port %1</source>
        <translation>● Lokaler Server · Port %1</translation>
    </message>
    <message>
        <source>Stop voting &amp;server</source>
        <translation>Abstimmungs&amp;server stoppen</translation>
    </message>
    <message>
        <source>Server starting …</source>
        <translation>Server startet …</translation>
    </message>
    <message>
        <source>Server stopping …</source>
        <translation>Server hält an …</translation>
    </message>
    <message>
        <source>Server not running: %1</source>
        <translation>Server läuft nicht: %1</translation>
    </message>
    <message>
        <source>Start voting &amp;server</source>
        <translation>Abstimmungs&amp;server starten</translation>
    </message>
    <message>
        <source>○ Server stopped</source>
        <translation>○ Server gestoppt</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Nicht verbunden mit %1</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
</context>
<context>
    <name>ConsoleSteps</name>
    <message>
        <source>%1 of %2 sites have not voted yet:</source>
        <translation>%1 von %2 Standorten haben noch nicht abgestimmt:</translation>
    </message>
    <message>
        <source>Close the voting anyway?</source>
        <translation>Die Abstimmung trotzdem schließen?</translation>
    </message>
    <message>
        <source>Close voting</source>
        <translation>Abstimmung schließen</translation>
    </message>
    <message>
        <source>Show result</source>
        <translation>Ergebnis zeigen</translation>
    </message>
    <message>
        <source>The voting is still open. Sites that have not voted yet will see the result. Show it anyway?</source>
        <translation>Die Abstimmung ist noch offen. Standorte, die noch nicht abgestimmt haben, sehen dann das Ergebnis. Trotzdem zeigen?</translation>
    </message>
    <message>
        <source>Reopen voting</source>
        <translation>Abstimmung wieder öffnen</translation>
    </message>
    <message>
        <source>Open the voting on this question again? The result is hidden until you show it again.</source>
        <translation>Die Abstimmung zu dieser Frage wieder öffnen? Das Ergebnis ist verborgen, bis Sie es erneut zeigen.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Repeat as round 2</source>
        <translation>Als Runde 2 wiederholen</translation>
    </message>
    <message>
        <source>Create round 2 of this question? Round 1 keeps its votes; round 2 starts empty.</source>
        <translation>Runde 2 dieser Frage anlegen? Runde 1 behält ihre Stimmen; Runde 2 beginnt leer.</translation>
    </message>
    <message>
        <source>Create round 2</source>
        <translation>Runde 2 anlegen</translation>
    </message>
    <message>
        <source>Skip question</source>
        <translation>Frage überspringen</translation>
    </message>
    <message>
        <source>Why is question %1 skipped? The protocol reports it as not asked, with this reason.</source>
        <translation>Warum wird Frage %1 übersprungen? Das Protokoll nennt sie als nicht gestellt, mit diesem Grund.</translation>
    </message>
    <message>
        <source>Choose question</source>
        <translation>Frage wählen</translation>
    </message>
    <message>
        <source>Question %1 is still open; close it first.</source>
        <translation>Frage %1 ist noch offen; bitte zuerst schließen.</translation>
    </message>
    <message>
        <source>Mark session as held</source>
        <translation>Sitzung als stattgefunden markieren</translation>
    </message>
    <message>
        <source>The session is recorded as held and the sites&apos; check-in closes (you can reopen it). Mark it as held?</source>
        <translation>Die Sitzung wird als stattgefunden vermerkt und die Anmeldung der Standorte geschlossen (Sie können sie wieder öffnen). Als stattgefunden markieren?</translation>
    </message>
    <message>
        <source>Mark as held</source>
        <translation>Als stattgefunden markieren</translation>
    </message>
    <message>
        <source>Stop voting server</source>
        <translation>Abstimmungsserver stoppen</translation>
    </message>
    <message>
        <source>Sites can no longer vote while the server is stopped. Stop it?</source>
        <translation>Solange der Server gestoppt ist, können die Standorte nicht abstimmen. Stoppen?</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Server stoppen</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Hover a code for the site&apos;s full name</source>
        <extracomment>The grid of site codes grows to show this many sites before it scrolls. How a site&apos;s ballot came, said on hover (&quot;&quot; for its voter page, the usual way)</extracomment>
        <translation>Den vollen Namen zeigt der Mauszeiger über dem Kürzel</translation>
    </message>
    <message>
        <source>No question chosen</source>
        <translation>Keine Frage gewählt</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Es fehlen</translation>
    </message>
    <message>
        <source>Have voted</source>
        <translation>Haben abgestimmt</translation>
    </message>
    <message>
        <source>%1 of %2 sites have voted</source>
        <translation>%1 von %2 Standorten haben abgestimmt</translation>
    </message>
    <message>
        <source>Still missing (%1)</source>
        <translation>Es fehlen (%1)</translation>
    </message>
    <message>
        <source>Have voted (%1)</source>
        <translation>Haben abgestimmt (%1)</translation>
    </message>
    <message>
        <source>entered by the moderator</source>
        <translation>eingetragen durch Moderation</translation>
    </message>
    <message>
        <source>cast through the site&apos;s API</source>
        <translation>über die API des Standorts abgegeben</translation>
    </message>
    <message>
        <source>from the call&apos;s poll</source>
        <translation>aus der Umfrage der Videokonferenz</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Shorten the countdown</source>
        <translation>Countdown verkürzen</translation>
    </message>
    <message>
        <source>Extend the countdown</source>
        <translation>Countdown verlängern</translation>
    </message>
    <message>
        <source>Close at zero</source>
        <translation>Bei null schließen</translation>
    </message>
    <message>
        <source>Close the question automatically when the time is up</source>
        <translation>Die Abstimmung automatisch schließen, wenn die Zeit abgelaufen ist</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>This export is not available in this installation.</source>
        <translation>Dieser Export ist in dieser Installation nicht verfügbar.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Export protocol</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>PDF protocol (*.pdf)</source>
        <translation>PDF-Protokoll (*.pdf)</translation>
    </message>
    <message>
        <source>Export manuscript draft</source>
        <translation>Manuskriptentwurf exportieren</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-Dokument (*.docx)</translation>
    </message>
    <message>
        <source>Markdown, figures in a folder beside it (*.md)</source>
        <translation>Markdown, Abbildungen in einem Ordner daneben (*.md)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export attendance list</source>
        <translation>Anwesenheitsliste exportieren</translation>
    </message>
    <message>
        <source>Export attendance certificates</source>
        <translation>Teilnahmebescheinigungen exportieren</translation>
    </message>
    <message>
        <source>Export chamber&apos;s list (EIV)</source>
        <translation>Kammerliste exportieren (EIV)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Diagramm speichern unter</translation>
    </message>
    <message>
        <source>Choose a question first.</source>
        <translation>Bitte zuerst eine Frage wählen.</translation>
    </message>
    <message>
        <source>PNG image, 300 dpi (*.png)</source>
        <translation>PNG-Bild, 300 dpi (*.png)</translation>
    </message>
    <message>
        <source>SVG vector graphic (*.svg)</source>
        <translation>SVG-Vektorgrafik (*.svg)</translation>
    </message>
</context>
<context>
    <name>Fetcher</name>
    <message>
        <source>Fetch results</source>
        <translation>Ergebnisse holen</translation>
    </message>
    <message>
        <source>Fetching the results from %1 …</source>
        <translation>Hole die Ergebnisse von %1 …</translation>
    </message>
    <message>
        <source>%1 ballots fetched from %2.</source>
        <translation>%1 Stimmen von %2 geholt.</translation>
    </message>
    <message>
        <source>Nothing new on %1.</source>
        <translation>Nichts Neues auf %1.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed here.</source>
        <translation>Abgebrochen: hier wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>FindingKinds</name>
    <message>
        <source>SNV</source>
        <extracomment>The columns in the order shown and pasted: the first four as a spreadsheet of SNVs has them (gene, alteration, kind, VAF), the report&apos;s details after them, the comment last. Numbers typed with a decimal comma or a percent sign, by column. Header cells a pasted spreadsheet may carry (lower case), beside the table&apos;s own.</extracomment>
        <translation>SNV</translation>
    </message>
    <message>
        <source>Indel</source>
        <translation>Indel</translation>
    </message>
    <message>
        <source>CNV</source>
        <translation>CNV</translation>
    </message>
    <message>
        <source>Fusion</source>
        <translation>Fusion</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Germline</source>
        <translation>Keimbahn</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>ImagesBox</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Bild hinzufügen …</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Only PNG, JPEG and SVG images</source>
        <translation>Nur PNG-, JPEG- und SVG-Bilder</translation>
    </message>
    <message>
        <source>The image is larger than 10 MB</source>
        <translation>Das Bild ist größer als 10 MB</translation>
    </message>
    <message>
        <source>Add image</source>
        <translation>Bild hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Konferenzen</translation>
    </message>
    <message>
        <source>No conference yet. Create one, import case packages, or open the demo conference.</source>
        <translation>Noch keine Konferenz. Legen Sie eine an, importieren Sie Fallpakete oder öffnen Sie die Demo-Konferenz.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;New conference…</source>
        <translation>&amp;Neue Konferenz …</translation>
    </message>
    <message>
        <source>&amp;Import case packages…</source>
        <translation>Fallpakete &amp;importieren …</translation>
    </message>
    <message>
        <source>Open the &amp;demo conference</source>
        <translation>&amp;Demo-Konferenz öffnen</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Teilnahme</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link to an earlier question</source>
        <translation>Mit früherer Frage verknüpfen</translation>
    </message>
    <message>
        <source>Search earlier sessions (words of the question)</source>
        <translation>Frühere Sitzungen durchsuchen (Wörter der Frage)</translation>
    </message>
    <message>
        <source>Search earlier sessions</source>
        <translation>Frühere Sitzungen durchsuchen</translation>
    </message>
    <message>
        <source>Earlier questions</source>
        <translation>Frühere Fragen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Konferenz</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>the same text</source>
        <translation>derselbe Text</translation>
    </message>
    <message>
        <source>a similar text</source>
        <translation>ein ähnlicher Text</translation>
    </message>
    <message>
        <source>the same gene and diagnosis</source>
        <translation>dasselbe Gen und dieselbe Diagnose</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gefunden</translation>
    </message>
</context>
<context>
    <name>LinksDialog</name>
    <message>
        <source>Voting links of the sites</source>
        <translation>Abstimmungslinks der Standorte</translation>
    </message>
    <message>
        <source>Each link lets one site vote. Send it only to that site; do not share this window.</source>
        <translation>Jeder Link lässt genau einen Standort abstimmen. Nur an diesen Standort senden; dieses Fenster nicht teilen.</translation>
    </message>
    <message>
        <source>Address of the links</source>
        <translation>Adresse der Links</translation>
    </message>
    <message>
        <source>Voting links</source>
        <translation>Abstimmungslinks</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Copy all links</source>
        <translation>Alle Links kopieren</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
</context>
<context>
    <name>LiveActions</name>
    <message>
        <source>&amp;Open voting</source>
        <translation>Abstimmung ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the question for voting</source>
        <translation>Die Frage zur Abstimmung öffnen</translation>
    </message>
    <message>
        <source>&amp;Close voting</source>
        <translation>Abstimmung &amp;schließen</translation>
    </message>
    <message>
        <source>Close the question; later ballots are refused</source>
        <translation>Die Abstimmung schließen; spätere Stimmen werden abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Show result</source>
        <translation>&amp;Ergebnis zeigen</translation>
    </message>
    <message>
        <source>Show the result to the sites and on the presenter view</source>
        <translation>Das Ergebnis den Standorten und in der Präsentationsansicht zeigen</translation>
    </message>
    <message>
        <source>&amp;Hide result</source>
        <translation>Ergebnis &amp;verbergen</translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Previous question</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Re&amp;open voting…</source>
        <translation>&amp;Wieder öffnen …</translation>
    </message>
    <message>
        <source>Repeat as round &amp;2…</source>
        <translation>Als Runde &amp;2 wiederholen …</translation>
    </message>
    <message>
        <source>S&amp;kip question…</source>
        <translation>Frage &amp;überspringen …</translation>
    </message>
    <message>
        <source>Skip a question that was not asked, with a reason</source>
        <translation>Eine nicht gestellte Frage überspringen, mit Begründung</translation>
    </message>
    <message>
        <source>&amp;Quick question…</source>
        <translation>&amp;Spontanfrage…</translation>
    </message>
    <message>
        <source>Ask a question on the spot (free discussion) and open it</source>
        <translation>Eine Frage spontan stellen (freie Diskussion) und gleich öffnen</translation>
    </message>
    <message>
        <source>&amp;Enter vote for site…</source>
        <translation>Stimme für Standort ein&amp;tragen …</translation>
    </message>
    <message>
        <source>&amp;Attendance check-in…</source>
        <translation>&amp;Anwesenheit erfassen …</translation>
    </message>
    <message>
        <source>Close sites&apos; check-&amp;in</source>
        <translation>Anmeldung der Standorte s&amp;chließen</translation>
    </message>
    <message>
        <source>Sites can no longer change their participants</source>
        <translation>Die Standorte können ihre Teilnehmenden nicht mehr ändern</translation>
    </message>
    <message>
        <source>&amp;Mark session as held</source>
        <translation>Sitzung als statt&amp;gefunden markieren</translation>
    </message>
    <message>
        <source>The session took place; the sites&apos; check-in closes</source>
        <translation>Die Sitzung hat stattgefunden; die Anmeldung der Standorte schließt</translation>
    </message>
    <message>
        <source>Voting &amp;links and QR codes…</source>
        <translation>Abstimmungs&amp;links und QR-Codes …</translation>
    </message>
    <message>
        <source>Presenter &amp;view</source>
        <translation>&amp;Präsentationsansicht</translation>
    </message>
    <message>
        <source>Start voting &amp;server</source>
        <translation>Abstimmungs&amp;server starten</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <source>CASE %1</source>
        <translation>FALL %1</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>(round %1)</source>
        <translation>(Runde %1)</translation>
    </message>
    <message>
        <source>No current question. Press “Next question” to begin.</source>
        <translation>Keine aktuelle Frage. Mit „Weiter“ beginnen.</translation>
    </message>
    <message>
        <source>Result — visible to the sites</source>
        <translation>Ergebnis — für die Standorte sichtbar</translation>
    </message>
    <message>
        <source>Live result — only you see it until “Show result”</source>
        <translation>Live-Ergebnis — nur Sie sehen es bis „Ergebnis zeigen“</translation>
    </message>
    <message>
        <source>● VOTING OPEN</source>
        <translation>● ABSTIMMUNG OFFEN</translation>
    </message>
    <message>
        <source>✔ CLOSED</source>
        <translation>✔ GESCHLOSSEN</translation>
    </message>
    <message>
        <source>○ NOT YET OPENED</source>
        <translation>○ NOCH NICHT GEÖFFNET</translation>
    </message>
    <message>
        <source>result shown</source>
        <translation>Ergebnis sichtbar</translation>
    </message>
    <message>
        <source>End of the agenda</source>
        <translation>Ende der Agenda</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>FREE DISCUSSION</source>
        <translation>FREIE DISKUSSION</translation>
    </message>
    <message>
        <source>↷ SKIPPED</source>
        <translation>↷ ÜBERSPRUNGEN</translation>
    </message>
    <message>
        <source>Waiting for the voting server …</source>
        <translation>Warten auf den Abstimmungsserver …</translation>
    </message>
    <message>
        <source>Question %1 is still open; close it first.</source>
        <translation>Frage %1 ist noch offen; bitte zuerst schließen.</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New conference…</source>
        <translation>&amp;Neue Konferenz …</translation>
    </message>
    <message>
        <source>Conference &amp;library</source>
        <translation>Konferenz&amp;bibliothek</translation>
    </message>
    <message>
        <source>&amp;Close conference</source>
        <translation>Konferenz &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Import case packages…</source>
        <translation>Fallpakete &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Merge case packages into a new conference…</source>
        <translation>Fallpakete zu neuer Konferenz &amp;zusammenführen …</translation>
    </message>
    <message>
        <source>&amp;Export case package…</source>
        <translation>Fallpaket &amp;exportieren …</translation>
    </message>
    <message>
        <source>Import po&amp;ll report…</source>
        <translation>Umfrage&amp;bericht importieren …</translation>
    </message>
    <message>
        <source>Export &amp;protocol (PDF)…</source>
        <translation>&amp;Protokoll exportieren (PDF) …</translation>
    </message>
    <message>
        <source>Export &amp;manuscript draft (Word, Markdown)…</source>
        <translation>&amp;Manuskriptentwurf exportieren (Word, Markdown) …</translation>
    </message>
    <message>
        <source>Export &amp;results (CSV, XLSX, JSON)…</source>
        <translation>E&amp;rgebnisse exportieren (CSV, XLSX, JSON) …</translation>
    </message>
    <message>
        <source>Export &amp;attendance list (CSV)…</source>
        <translation>&amp;Anwesenheitsliste exportieren (CSV) …</translation>
    </message>
    <message>
        <source>Export attendance cer&amp;tificates (PDF)…</source>
        <translation>&amp;Teilnahmebescheinigungen exportieren (PDF) …</translation>
    </message>
    <message>
        <source>Export chamber&apos;s list (EI&amp;V)…</source>
        <translation>Kammer&amp;liste exportieren (EIV) …</translation>
    </message>
    <message>
        <source>Save &amp;chart as…</source>
        <translation>&amp;Diagramm speichern unter …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Preparation</source>
        <translation>&amp;Vorbereitung</translation>
    </message>
    <message>
        <source>&amp;Live console</source>
        <translation>&amp;Live-Konsole</translation>
    </message>
    <message>
        <source>&amp;Series plan and participation</source>
        <translation>&amp;Reihe: Plan und Teilnahme</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open &amp;log file</source>
        <translation>&amp;Protokolldatei öffnen</translation>
    </message>
    <message>
        <source>&amp;About Votum</source>
        <translation>&amp;Über Votum</translation>
    </message>
    <message>
        <source>Connect to a voting server…</source>
        <translation>Mit Abstimmungsserver verbinden …</translation>
    </message>
    <message>
        <source>Publish conference…</source>
        <translation>Konferenz veröffentlichen …</translation>
    </message>
    <message>
        <source>Fetch results</source>
        <translation>Ergebnisse holen</translation>
    </message>
    <message>
        <source>The round&apos;s &amp;server</source>
        <translation>&amp;Server der Runde</translation>
    </message>
    <message>
        <source>Start the live session</source>
        <translation>Live-Sitzung beginnen</translation>
    </message>
    <message>
        <source>Server and organiser token…</source>
        <translation>Server und Organisationstoken …</translation>
    </message>
    <message>
        <source>Publish as a new conference…</source>
        <translation>Als neue Konferenz veröffentlichen …</translation>
    </message>
    <message>
        <source>Delete from the server…</source>
        <translation>Vom Server löschen …</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About Votum</source>
        <translation>Über Votum</translation>
    </message>
    <message>
        <source>Votum %1 — live voting for the joint sessions of molecular tumor boards.</source>
        <translation>Votum %1 — Live-Abstimmung für die gemeinsamen Sitzungen molekularer Tumorboards.</translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation>Protokolldatei öffnen</translation>
    </message>
    <message>
        <source>No program could open the log file. It is here:
%1</source>
        <translation>Kein Programm konnte die Protokolldatei öffnen. Sie liegt hier:
%1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>File or folder not found: %1</source>
        <translation>Datei oder Ordner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>No permission to access %1</source>
        <translation>Keine Berechtigung für %1</translation>
    </message>
    <message>
        <source>The disk is full; %1 was not written</source>
        <translation>Der Datenträger ist voll; %1 wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>%1 is on a read-only disk</source>
        <translation>%1 liegt auf einem schreibgeschützten Datenträger</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>A folder in %1 is a file</source>
        <translation>Ein Ordner in %1 ist eine Datei</translation>
    </message>
    <message>
        <source>%1 cannot be read or written (error %2)</source>
        <translation>%1 lässt sich nicht lesen oder schreiben (Fehler %2)</translation>
    </message>
</context>
<context>
    <name>NewConferenceDialog</name>
    <message>
        <source>New conference</source>
        <translation>Neue Konferenz</translation>
    </message>
    <message>
        <source>e.g. KRAS-mutated pancreatic cancer</source>
        <translation>z. B. KRAS-mutiertes Pankreaskarzinom</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Thema</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>&amp;Language of the round</source>
        <translation>&amp;Sprache der Runde</translation>
    </message>
</context>
<context>
    <name>NewSiteDialog</name>
    <message>
        <source>New site</source>
        <translation>Neuer Standort</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kürzel</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>S&amp;tadt</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Discussion notes for the protocol …</source>
        <translation>Diskussionsnotizen für das Protokoll …</translation>
    </message>
    <message>
        <source>Notes on the question</source>
        <translation>Notizen zur Frage</translation>
    </message>
    <message>
        <source>Notes on the case</source>
        <translation>Notizen zum Fall</translation>
    </message>
    <message>
        <source>Saved as you type</source>
        <translation>Wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>saved %1</source>
        <translation>gespeichert %1</translation>
    </message>
    <message>
        <source>not yet saved</source>
        <translation>noch nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order of the case packages</source>
        <translation>Reihenfolge der Fallpakete</translation>
    </message>
    <message>
        <source>Case packages in agenda order</source>
        <translation>Fallpakete in der Reihenfolge der Agenda</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>The cases are added in this order (drag to change it):</source>
        <translation>Die Fälle werden in dieser Reihenfolge übernommen (zum Ändern ziehen):</translation>
    </message>
</context>
<context>
    <name>PackageFiles</name>
    <message>
        <source>Case packages (*.votum.json *.json);;All files (*)</source>
        <translation>Fallpakete (*.votum.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import case packages</source>
        <translation>Fallpakete importieren</translation>
    </message>
    <message>
        <source>Case package not imported</source>
        <translation>Fallpaket nicht importiert</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Es wurde nichts importiert:</translation>
    </message>
    <message>
        <source>Case packages imported</source>
        <translation>Fallpakete importiert</translation>
    </message>
    <message>
        <source>%1 cases imported from %2 files.</source>
        <translation>%1 Fälle aus %2 Dateien importiert.</translation>
    </message>
    <message>
        <source>Export case package</source>
        <translation>Fallpaket exportieren</translation>
    </message>
    <message>
        <source>Case package not exported</source>
        <translation>Fallpaket nicht exportiert</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Opening the database …</source>
        <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Die Datenbank lässt sich nicht öffnen:
%1</translation>
    </message>
    <message>
        <source>Open conference</source>
        <translation>Konferenz öffnen</translation>
    </message>
    <message>
        <source>Close conference</source>
        <translation>Konferenz schließen</translation>
    </message>
    <message>
        <source>The voting server is running. Close the conference and stop the server?</source>
        <translation>Der Abstimmungsserver läuft. Konferenz schließen und Server stoppen?</translation>
    </message>
    <message>
        <source>Close and stop</source>
        <translation>Schließen und stoppen</translation>
    </message>
    <message>
        <source>Welcome to Votum</source>
        <translation>Willkommen bei Votum</translation>
    </message>
    <message>
        <source>There is no conference yet. Open the demo conference to see the whole flow (preparation, live voting, presenter view)?</source>
        <translation>Es gibt noch keine Konferenz. Die Demo-Konferenz öffnen, um den ganzen Ablauf zu sehen (Vorbereitung, Live-Abstimmung, Präsentationsansicht)?</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>Delete conference</source>
        <translation>Konferenz löschen</translation>
    </message>
    <message>
        <source>Delete “%1” with all cases, votes and notes? This cannot be undone.</source>
        <translation>„%1“ mit allen Fällen, Stimmen und Notizen löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>ParticipationView</name>
    <message>
        <source>Sessions of</source>
        <extracomment>The heat map&apos;s width in inches on screen (its height follows the number of sites).</extracomment>
        <translation>Sitzungen von</translation>
    </message>
    <message>
        <source>&amp;Sessions of</source>
        <translation>&amp;Sitzungen von</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Questions voted</source>
        <translation>Fragen mit Stimme</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Participation by site</source>
        <translation>Teilnahme nach Standort</translation>
    </message>
    <message>
        <source>Heat map of participation per session</source>
        <translation>Heatmap der Teilnahme je Sitzung</translation>
    </message>
    <message>
        <source>the whole round</source>
        <translation>die ganze Reihe</translation>
    </message>
    <message>
        <source>%1 sessions held · %2 sites took part</source>
        <translation>%1 Sitzungen · %2 Standorte haben teilgenommen</translation>
    </message>
    <message>
        <source>No session held in this period.</source>
        <translation>In diesem Zeitraum fand keine Sitzung statt.</translation>
    </message>
</context>
<context>
    <name>PlanEntryDialog</name>
    <message>
        <source>Change session</source>
        <translation>Sitzung ändern</translation>
    </message>
    <message>
        <source>Plan a session</source>
        <translation>Sitzung planen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>e.g. CDK4/6 and mTOR inhibitors in breast cancer</source>
        <translation>z. B. CDK4/6- und mTOR-Inhibitoren beim Mammakarzinom</translation>
    </message>
    <message>
        <source>Fellow</source>
        <translation>Fellow</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Fellows</source>
        <translation>Fellows</translation>
    </message>
    <message>
        <source>Add fellow</source>
        <translation>Fellow hinzufügen</translation>
    </message>
    <message>
        <source>Remove fellow</source>
        <translation>Fellow entfernen</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time (start, end)</source>
        <translation>&amp;Uhrzeit (Beginn, Ende)</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Thema</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Fellows (site)</source>
        <translation>Fellows (Standort)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Konferenz</translation>
    </message>
    <message>
        <source>Sessions of the round</source>
        <translation>Sitzungen der Reihe</translation>
    </message>
    <message>
        <source>&amp;Plan a session…</source>
        <translation>Sitzung &amp;planen …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Make its conference</source>
        <translation>&amp;Konferenz anlegen</translation>
    </message>
    <message>
        <source>Mark p&amp;ublished</source>
        <translation>Als &amp;veröffentlicht markieren</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>Ä&amp;ndern …</translation>
    </message>
    <message>
        <source>Open c&amp;onference</source>
        <translation>Konferenz ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Calen&amp;dar (.ics)…</source>
        <translation>Kalender (.ic&amp;s) …</translation>
    </message>
    <message>
        <source>&amp;Yearly report (PDF)…</source>
        <translation>&amp;Jahresbericht (PDF) …</translation>
    </message>
    <message>
        <source>Not p&amp;ublished</source>
        <translation>Nicht &amp;veröffentlicht</translation>
    </message>
    <message>
        <source>Remove from the plan</source>
        <translation>Aus dem Plan entfernen</translation>
    </message>
    <message>
        <source>Take “%1” (%2) off the plan? Its conference, if made, stays.</source>
        <translation>„%1“ (%2) aus dem Plan nehmen? Eine schon angelegte Konferenz bleibt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Make its conference</source>
        <translation>Konferenz anlegen</translation>
    </message>
    <message>
        <source>Mark published</source>
        <translation>Als veröffentlicht markieren</translation>
    </message>
    <message>
        <source>Export the plan as a calendar</source>
        <translation>Plan als Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>Jahresbericht</translation>
    </message>
    <message>
        <source>The report of the sessions held in the year:</source>
        <translation>Bericht über die Sitzungen im Jahr:</translation>
    </message>
    <message>
        <source>report-%1.pdf</source>
        <translation>jahresbericht-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PollImportDialog</name>
    <message>
        <source>Import poll report</source>
        <translation>Umfragebericht importieren</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <source>Automatic (Zoom if recognised)</source>
        <translation>Automatisch (Zoom, wenn erkannt)</translation>
    </message>
    <message>
        <source>Zoom poll report</source>
        <translation>Zoom-Umfragebericht</translation>
    </message>
    <message>
        <source>Plain CSV (participant, question, answer)</source>
        <translation>Einfache CSV (Teilnehmer, Frage, Antwort)</translation>
    </message>
    <message>
        <source>Columns of a plain CSV: participant, question, answer[, time]</source>
        <translation>Spalten einer einfachen CSV: Teilnehmer, Frage, Antwort[, Zeit]</translation>
    </message>
    <message>
        <source>Store the totals as counted by the call</source>
        <translation>Summen als „von der Videokonferenz gezählt“ speichern</translation>
    </message>
    <message>
        <source>What keeps the import from being stored</source>
        <translation>Was das Speichern des Imports verhindert</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>CSV &amp;columns</source>
        <translation>CSV-&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Round</source>
        <translation>&amp;Runde</translation>
    </message>
    <message>
        <source>Poll reports (*.csv *.txt)</source>
        <translation>Umfrageberichte (*.csv *.txt)</translation>
    </message>
    <message>
        <source>%1 answers to %2 questions, %3 ballots to store</source>
        <translation>%1 Antworten auf %2 Fragen, %3 Stimmen zu speichern</translation>
    </message>
    <message>
        <source>%1 participants match no site</source>
        <translation>%1 Teilnehmende ohne Standort</translation>
    </message>
    <message>
        <source>%1 earlier submissions replaced by a later one (the last counts)</source>
        <translation>%1 frühere Antworten durch spätere ersetzt (die letzte zählt)</translation>
    </message>
    <message>
        <source>Anonymous poll: no ballots per site; only the totals can be stored, as counted by the call</source>
        <translation>Anonyme Umfrage: keine Stimmen je Standort; nur die Summen lassen sich speichern, als „von der Videokonferenz gezählt“</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>PollPreviewTabs</name>
    <message>
        <source>Participant</source>
        <extracomment>Rows a table of the preview shows (and problems the list below it): a report of many thousand lines is summarised, the first rows shown and the rest counted. The tab of the conflicts, whose title counts them.</extracomment>
        <translation>Teilnehmer/in</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Poll question</source>
        <translation>Frage der Umfrage</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>E-mail domain</source>
        <translation>E-Mail-Domain</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Ballots to store</source>
        <translation>Zu speichernde Stimmen</translation>
    </message>
    <message>
        <source>E-mail domains</source>
        <translation>E-Mail-Domains</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <source>the first %1 of %2 %3 are shown</source>
        <translation>die ersten %1 von %2 %3 werden gezeigt</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>e-mail domain</source>
        <translation>E-Mail-Domain</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>no site</source>
        <translation>kein Standort</translation>
    </message>
    <message>
        <source>ambiguous: %1</source>
        <translation>mehrdeutig: %1</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>Teilnehmenden</translation>
    </message>
    <message>
        <source>e-mail domains</source>
        <translation>E-Mail-Domains</translation>
    </message>
    <message>
        <source>poll questions</source>
        <translation>Umfragefragen</translation>
    </message>
    <message>
        <source>same text</source>
        <translation>gleicher Text</translation>
    </message>
    <message>
        <source>similar (%1 %) — please confirm</source>
        <translation>ähnlich (%1 %) – bitte bestätigen</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— nicht importiert —</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>Konflikten</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— bitte wählen —</translation>
    </message>
    <message>
        <source>Count the site as abstaining</source>
        <translation>Standort als Enthaltung werten</translation>
    </message>
    <message>
        <source>abstained</source>
        <translation>enthalten</translation>
    </message>
    <message>
        <source>valid answers</source>
        <translation>gültige Antworten</translation>
    </message>
    <message>
        <source>counted by the call</source>
        <translation>von der Videokonferenz gezählt</translation>
    </message>
    <message>
        <source>ballots and totals</source>
        <translation>Stimmen und Summen</translation>
    </message>
</context>
<context>
    <name>PreparationEditor</name>
    <message>
        <source>Conference</source>
        <translation>Konferenz</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Cases and questions</source>
        <translation>Fälle und Fragen</translation>
    </message>
    <message>
        <source>Changes are saved as you type; Ctrl+Z undoes them.</source>
        <translation>Änderungen werden beim Tippen gespeichert; Strg+Z macht sie rückgängig.</translation>
    </message>
    <message>
        <source>Agenda: cases and questions</source>
        <translation>Agenda: Fälle und Fragen</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Drag cases and questions to reorder them.</source>
        <translation>Fälle und Fragen zum Umsortieren ziehen.</translation>
    </message>
    <message>
        <source>Choose a case or a question on the left, or create a new case.</source>
        <translation>Links einen Fall oder eine Frage wählen oder einen neuen Fall anlegen.</translation>
    </message>
    <message>
        <source>All changes saved %1</source>
        <translation>Alle Änderungen gespeichert %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Edit conference</source>
        <translation>Konferenz bearbeiten</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Fall bearbeiten</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>Frage bearbeiten</translation>
    </message>
    <message>
        <source>Choose the case the question belongs to.</source>
        <translation>Bitte den Fall wählen, zu dem die Frage gehört.</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Fall löschen</translation>
    </message>
    <message>
        <source>Delete case %1 with its questions?</source>
        <translation>Fall „%1“ mit seinen Fragen löschen?</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Frage löschen</translation>
    </message>
    <message>
        <source>Delete question %1?</source>
        <translation>Frage %1 löschen?</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish conference</source>
        <translation>Konferenz veröffentlichen</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>case texts</source>
        <translation>Falltexte</translation>
    </message>
    <message>
        <source>full summaries</source>
        <translation>vollständige Zusammenfassungen</translation>
    </message>
    <message>
        <source>Goes out: %1 cases, %2 questions, %3 sites</source>
        <translation>Geht hinaus: %1 Fälle, %2 Fragen, %3 Standorte</translation>
    </message>
    <message>
        <source>only what the sites need</source>
        <translation>nur, was die Standorte brauchen</translation>
    </message>
    <message>
        <source>The server has “%4”: %1 cases, %2 sites, %3 ballots</source>
        <translation>Der Server hat „%4“: %1 Fälle, %2 Standorte, %3 Stimmen</translation>
    </message>
    <message>
        <source>Preparing the preview …</source>
        <translation>Vorschau wird vorbereitet …</translation>
    </message>
</context>
<context>
    <name>Publisher</name>
    <message>
        <source>Publish conference</source>
        <translation>Konferenz veröffentlichen</translation>
    </message>
    <message>
        <source>Asking %1 what it holds …</source>
        <translation>Frage %1, was dort liegt …</translation>
    </message>
    <message>
        <source>The server&apos;s conference already has ballots; it is not overwritten.</source>
        <translation>Die Konferenz auf dem Server hat schon Stimmen; sie wird nicht überschrieben.</translation>
    </message>
    <message>
        <source>Publishing to %1 …</source>
        <translation>Veröffentliche auf %1 …</translation>
    </message>
    <message>
        <source>Published on %1.</source>
        <translation>Auf %1 veröffentlicht.</translation>
    </message>
    <message>
        <source>Cancelled. The server may have received the conference already: “Publish conference…” shows what it holds.</source>
        <translation>Abgebrochen. Der Server hat die Konferenz vielleicht schon erhalten: „Konferenz veröffentlichen …“ zeigt, was er hat.</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>Asked: the kind, the options&apos; number and order and abstain are fixed; the text, the option labels (typos) and the sentence parts can still be corrected. The votes stay with their options.</source>
        <translation>Gestellt: Fragetyp, Zahl und Reihenfolge der Optionen und Enthaltung stehen fest; Text, Optionen (Tippfehler) und Satzteile lassen sich noch berichtigen. Die Stimmen bleiben bei ihren Optionen.</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Sentence (German)</source>
        <translation>Satzteil (deutsch)</translation>
    </message>
    <message>
        <source>Sentence (English)</source>
        <translation>Satzteil (englisch)</translation>
    </message>
    <message>
        <source>Alone</source>
        <translation>Allein</translation>
    </message>
    <message>
        <source>Stands alone: cannot be combined with another option in a multiple-choice ballot (&quot;No recommendation&quot; always does)</source>
        <translation>Steht allein: in der Mehrfachauswahl nicht mit anderen Optionen kombinierbar („Keine Empfehlung“ immer)</translation>
    </message>
    <message>
        <source>The sentences finish &quot;15 % of sites …&quot; in the manuscript sentence</source>
        <translation>Die Satzteile vervollständigen „15 % der Standorte …“ im Manuskriptsatz</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Option hinzufügen</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Option entfernen</translation>
    </message>
    <message>
        <source>Sites answer in their own words; there are no options.</source>
        <translation>Die Standorte antworten in eigenen Worten; es gibt keine Optionen.</translation>
    </message>
    <message>
        <source>Offer &quot;abstain&quot;</source>
        <translation>„Enthaltung“ anbieten</translation>
    </message>
    <message>
        <source>Abstentions are shown apart and left out of the percentages</source>
        <translation>Enthaltungen werden getrennt gezeigt und nicht in die Prozente gerechnet</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Countdown in the live console; – for none</source>
        <translation>Countdown in der Live-Konsole; – für keinen</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Frage</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>Asked before</source>
        <translation>Zuvor gefragt</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>round %1</source>
        <translation>Runde %1</translation>
    </message>
    <message>
        <source>The question needs a text</source>
        <translation>Die Frage braucht einen Text</translation>
    </message>
</context>
<context>
    <name>QuickQuestionForm</name>
    <message>
        <source>Quick question · free discussion</source>
        <extracomment>the kinds in the order their numbers pick them</extracomment>
        <translation>Spontanfrage · Freie Diskussion</translation>
    </message>
    <message>
        <source>Enter asks and opens it · Esc closes</source>
        <translation>Eingabe stellt und öffnet sie · Esc schließt</translation>
    </message>
    <message>
        <source>e.g. Which evidence level would you give?</source>
        <translation>z. B. Welches Evidenzlevel würden Sie vergeben?</translation>
    </message>
    <message>
        <source>Type the number to choose the kind</source>
        <translation>Die Ziffer wählt den Fragetyp</translation>
    </message>
    <message>
        <source>One option per line. “No recommendation” stands alone; “Abstain” offers abstaining.</source>
        <translation>Eine Option pro Zeile. „Keine Empfehlung“ steht für sich; „Enthaltung“ bietet die Enthaltung an.</translation>
    </message>
    <message>
        <source>optional, e.g. presented by site X: 54 y, NSCLC, KRAS G12C</source>
        <translation>optional, z. B. vorgestellt von Standort X: 54 J., NSCLC, KRAS G12C</translation>
    </message>
    <message>
        <source>Ask and open</source>
        <translation>Stellen und öffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Fragetyp</translation>
    </message>
    <message>
        <source>Case (one line)</source>
        <translation>Fall (eine Zeile)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
</context>
<context>
    <name>ResultChart</name>
    <message>
        <source>The chart appears here.</source>
        <translation>Hier erscheint das Diagramm.</translation>
    </message>
    <message>
        <source>Result chart</source>
        <translation>Ergebnisdiagramm</translation>
    </message>
</context>
<context>
    <name>RoundDeleter</name>
    <message>
        <source>Delete from the round&apos;s server</source>
        <translation>Vom Server der Runde löschen</translation>
    </message>
    <message>
        <source>Delete “%1” from %2 with every ballot, name and link? Its links and its moderator token stop working at once. Fetch the results home first.</source>
        <translation>„%1“ mit allen Stimmen, Namen und Links von %2 löschen? Seine Links und sein Moderator-Token gelten sofort nicht mehr. Vorher die Ergebnisse holen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting from %1 …</source>
        <translation>Wird von %1 gelöscht …</translation>
    </message>
    <message>
        <source>Deleted from %1.</source>
        <translation>Von %1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>RoundFetcher</name>
    <message>
        <source>Fetch results from the round&apos;s server</source>
        <translation>Ergebnisse vom Server der Runde holen</translation>
    </message>
    <message>
        <source>Fetching the results from %1 …</source>
        <translation>Ergebnisse werden von %1 geholt …</translation>
    </message>
</context>
<context>
    <name>RoundPublishDialog</name>
    <message>
        <source>A new conference on %1, the round&apos;s server; its moderator token is kept in this computer&apos;s credential store.</source>
        <translation>Eine neue Konferenz auf %1, dem Server der Runde; ihr Moderator-Token bleibt im Schlüsselbund dieses Computers.</translation>
    </message>
</context>
<context>
    <name>RoundPublisher</name>
    <message>
        <source>Publish to the round&apos;s server</source>
        <translation>Auf dem Server der Runde veröffentlichen</translation>
    </message>
    <message>
        <source>Preparing the preview …</source>
        <translation>Vorschau wird vorbereitet …</translation>
    </message>
    <message>
        <source>Publishing to %1 …</source>
        <translation>Wird auf %1 veröffentlicht …</translation>
    </message>
    <message>
        <source>Published on %1 as “%2”; the console now follows it there.</source>
        <translation>Auf %1 als „%2“ veröffentlicht; die Konsole folgt ihr jetzt dort.</translation>
    </message>
    <message>
        <source>No credential store: note the moderator token now, it is shown only once: %1</source>
        <translation>Kein Schlüsselbund: das Moderator-Token jetzt notieren, es wird nur einmal gezeigt: %1</translation>
    </message>
</context>
<context>
    <name>RoundServerDialog</name>
    <message>
        <source>The round&apos;s server</source>
        <extracomment>the credential store&apos;s service name for the organiser token</extracomment>
        <translation>Server der Runde</translation>
    </message>
    <message>
        <source>One server for the whole round: hospital IT gives the organiser its token once. It is kept in the system&apos;s credential store, never in a settings file.</source>
        <translation>Ein Server für die ganze Runde: die IT des Klinikums gibt der Organisation ihr Token einmal. Es wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Organiser token</source>
        <translation>Organisationstoken</translation>
    </message>
    <message>
        <source>Enter the organiser token.</source>
        <translation>Bitte das Organisationstoken eingeben.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>optional: your hospital&apos;s CA certificate</source>
        <translation>optional: das CA-Zertifikat Ihres Klinikums</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation>Die CA-Zertifikatsdatei gibt es nicht.</translation>
    </message>
    <message>
        <source>No credential store: the token is not remembered.</source>
        <translation>Kein Schlüsselbund: das Token wird nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>New site…</source>
        <translation>Neuer Standort …</translation>
    </message>
    <message>
        <source>Invite all</source>
        <translation>Alle einladen</translation>
    </message>
    <message>
        <source>%1 of %2 sites invited</source>
        <translation>%1 von %2 Standorten eingeladen</translation>
    </message>
    <message>
        <source>Invite site</source>
        <translation>Standort einladen</translation>
    </message>
    <message>
        <source>Withdraw invitation</source>
        <translation>Einladung zurückziehen</translation>
    </message>
    <message>
        <source>Edit site</source>
        <translation>Standort bearbeiten</translation>
    </message>
</context>
<context>
    <name>StorageAlarm</name>
    <message>
        <source>Ballots are NOT being stored: %1. The sites are asked to vote again. Free disk space or check the database file; storing resumes by itself.</source>
        <translation>Stimmen werden NICHT gespeichert: %1. Die Standorte werden gebeten, erneut abzustimmen. Speicherplatz freigeben oder die Datenbankdatei prüfen; danach wird von selbst wieder gespeichert.</translation>
    </message>
</context>
<context>
    <name>TherapyResponses</name>
    <message>
        <source>CR – complete response</source>
        <translation>CR – komplette Remission</translation>
    </message>
    <message>
        <source>PR – partial response</source>
        <translation>PR – partielle Remission</translation>
    </message>
    <message>
        <source>SD – stable disease</source>
        <translation>SD – stabile Erkrankung</translation>
    </message>
    <message>
        <source>PD – progressive disease</source>
        <translation>PD – Progress</translation>
    </message>
    <message>
        <source>NE – not evaluable</source>
        <translation>NE – nicht beurteilbar</translation>
    </message>
</context>
<context>
    <name>TrendLine</name>
    <message>
        <source>Asked before</source>
        <translation>Zuvor gefragt</translation>
    </message>
    <message>
        <source>linked by hand</source>
        <translation>von Hand verknüpft</translation>
    </message>
    <message>
        <source>linked by its text (the same question)</source>
        <translation>über den Text verknüpft (dieselbe Frage)</translation>
    </message>
    <message>
        <source>“%1” of %2, question %3</source>
        <translation>„%1“ vom %2, Frage %3</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Unknown kind “%1”</source>
        <translation>Unbekannte Art „%1“</translation>
    </message>
    <message>
        <source>VAF must be a number between 0 and 100</source>
        <translation>VAF muss eine Zahl zwischen 0 und 100 sein</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>Must not be empty</source>
        <extracomment>pydantic error type → the reason (``ctx`` fills in the limit).</extracomment>
        <translation>Darf nicht leer sein</translation>
    </message>
    <message>
        <source>At most %1 entries</source>
        <translation>Höchstens %1 Einträge</translation>
    </message>
    <message>
        <source>At least %1 entries</source>
        <translation>Mindestens %1 Einträge</translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation>Mindestens %1</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>Höchstens %1</translation>
    </message>
    <message>
        <source>Must be a whole number</source>
        <translation>Muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>Best response: CR, PR, SD, PD or NE</source>
        <translation>Beste Antwort: CR, PR, SD, PD oder NE</translation>
    </message>
    <message>
        <source>Must be a number</source>
        <translation>Muss eine Zahl sein</translation>
    </message>
    <message>
        <source>Not one of the allowed values</source>
        <translation>Keiner der erlaubten Werte</translation>
    </message>
    <message>
        <source>Give at least two options</source>
        <extracomment>The package format&apos;s own rules (``raise ValueError(...)`` in package_schema), by message.</extracomment>
        <translation>Mindestens zwei Optionen angeben</translation>
    </message>
    <message>
        <source>The options must be different</source>
        <translation>Die Optionen müssen verschieden sein</translation>
    </message>
    <message>
        <source>A free-text question has no options</source>
        <translation>Eine Freitextfrage hat keine Optionen</translation>
    </message>
    <message>
        <source>Not an ICD-10 code (e.g. C25.0)</source>
        <translation>Kein ICD-10-Code (z. B. C25.0)</translation>
    </message>
    <message>
        <source>%1 is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), c.35G&gt;A, exon 19 deletion)</source>
        <translation>%1 hat nicht die HGVS-Form (z. B. p.G12D, p.(Gly12Asp), c.35G&gt;A, Exon-19-Deletion)</translation>
    </message>
    <message>
        <source>The image data is damaged</source>
        <translation>Die Bilddaten sind beschädigt</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Preparation</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Starting the live console …</source>
        <translation>Live-Konsole startet …</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Results not fetched: %1</source>
        <translation>Ergebnisse nicht geholt: %1</translation>
    </message>
    <message>
        <source>Results fetched from %1: %2 ballots</source>
        <translation>Ergebnisse von %1 geholt: %2 Stimmen</translation>
    </message>
</context>
<context>
    <name>_Action</name>
    <message>
        <source>Cancelled: nothing was changed here.</source>
        <translation>Abgebrochen: hier wurde nichts geändert.</translation>
    </message>
</context>
</TS>
