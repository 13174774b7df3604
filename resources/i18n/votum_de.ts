<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AgendaModel</name>
    <message>
      <location filename="../../app/ui/models/agenda_model.py" line="78" />
      <source>Case %1</source>
      <translation>Fall %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/agenda_model.py" line="79" />
      <source>Round %1</source>
      <translation>Runde %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/agenda_model.py" line="80" />
      <source>OPEN</source>
      <translation>OFFEN</translation>
    </message>
  </context>
  <context>
    <name>AttendanceDialog</name>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="149" />
      <source>Attendance check-in</source>
      <translation>Anwesenheit erfassen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="153" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="153" />
      <source>Present</source>
      <translation>Anwesend</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="153" />
      <source>Attendees</source>
      <translation>Teilnehmende</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="153" />
      <source>Names / EFN</source>
      <translation>Namen / EFN</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="208" />
      <source>Names (%1)…</source>
      <translation>Namen (%1) …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="210" />
      <source>Names (%1, %2 invalid EFN)…</source>
      <translation>Namen (%1, %2 EFN ungültig)…</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="198" />
      <source>%1 of %2 sites present, %3 attendees</source>
      <translation>%1 von %2 Standorten anwesend, %3 Teilnehmende</translation>
    </message>
  </context>
  <context>
    <name>AttendeesDialog</name>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="36" />
      <source>Attendees: %1</source>
      <translation>Teilnehmende: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="38" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="38" />
      <source>EFN (15 digits)</source>
      <translation>EFN (15 Ziffern)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="46" />
      <source>Add row</source>
      <translation>Zeile hinzufügen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="84" />
      <source>Row %1: name missing</source>
      <translation>Zeile %1: Name fehlt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="95" />
      <source>Row %1: EFN “%2”: %3 – kept, marked “invalid EFN” on the CME list</source>
      <translation>Zeile %1: EFN „%2“: %3 – übernommen, auf der CME-Liste als „EFN ungültig“ markiert</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="104" />
      <source>15 digits expected</source>
      <translation>15 Ziffern erwartet</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="106" />
      <source>must start with %1</source>
      <translation>muss mit %1 beginnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/attendance.py" line="107" />
      <source>check digit wrong</source>
      <translation>Prüfziffer falsch</translation>
    </message>
  </context>
  <context>
    <name>BallotDialog</name>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="35" />
      <source>Enter vote for site</source>
      <translation>Stimme für Standort eintragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="44" />
      <source>%1 (has voted; replaces)</source>
      <translation>%1 (hat abgestimmt; wird ersetzt)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="62" />
      <source>Abstain</source>
      <translation>Enthaltung</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="68" />
      <source>The vote is marked as entered by the moderator.</source>
      <translation>Die Stimme wird als „eingetragen durch Moderation“ gekennzeichnet.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="81" />
      <source>&amp;Site</source>
      <translation>&amp;Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="82" />
      <source>Answer</source>
      <translation>Antwort</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="83" />
      <source>&amp;Comment</source>
      <translation>&amp;Kommentar</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="87" />
      <source>Enter vote</source>
      <translation>Stimme eintragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="111" />
      <source>Choose a site</source>
      <translation>Bitte einen Standort wählen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/ballot_dialog.py" line="115" />
      <source>Choose an answer</source>
      <translation>Bitte eine Antwort wählen</translation>
    </message>
  </context>
  <context>
    <name>CallTotalsNote</name>
    <message>
      <location filename="../../app/ui/live/call_totals.py" line="22" />
      <source>Counted by the video call (anonymous poll): no sites, so not in the chart and without a consensus class</source>
      <translation>Von der Videokonferenz gezählt (anonyme Umfrage): ohne Standorte, daher nicht im Diagramm und ohne Konsensstärke</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/call_totals.py" line="31" />
      <source>valid answers: %1 · abstentions: %2</source>
      <translation>gültige Antworten: %1 · Enthaltungen: %2</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/call_totals.py" line="36" />
      <source>Round %1: </source>
      <translation>Runde %1: </translation>
    </message>
  </context>
  <context>
    <name>CaseForm</name>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="44" />
      <source> years</source>
      <translation> Jahre</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="48" />
      <source>female</source>
      <translation>weiblich</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="49" />
      <source>male</source>
      <translation>männlich</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="50" />
      <source>diverse</source>
      <translation>divers</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="68" />
      <source>mut/Mb</source>
      <translation>Mut/Mb</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="81" />
      <source>Gene</source>
      <translation>Gen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="82" />
      <source>Alteration (HGVS)</source>
      <translation>Veränderung (HGVS)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="83" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="84" />
      <source>VAF %</source>
      <translation>VAF %</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="85" />
      <source>Comment</source>
      <translation>Kommentar</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="91" />
      <source>Paste rows from a spreadsheet with Ctrl+V (gene, alteration, kind, VAF, comment)</source>
      <translation>Zeilen aus einer Tabelle mit Strg+V einfügen (Gen, Veränderung, Art, VAF, Kommentar)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="104" />
      <source>&amp;Title</source>
      <translation>&amp;Titel</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="105" />
      <source>&amp;Presented by</source>
      <translation>&amp;Vorgestellt von</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="106" />
      <source>&amp;Age</source>
      <translation>&amp;Alter</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="107" />
      <source>&amp;Sex</source>
      <translation>&amp;Geschlecht</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="108" />
      <source>&amp;Diagnosis</source>
      <translation>&amp;Diagnose</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="109" />
      <source>&amp;ICD-10</source>
      <translation>&amp;ICD-10</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="110" />
      <source>&amp;Histology</source>
      <translation>&amp;Histologie</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="111" />
      <source>Stag&amp;e</source>
      <translation>Sta&amp;dium</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="112" />
      <source>E&amp;COG</source>
      <translation>E&amp;COG</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="113" />
      <source>Prior therapy &amp;lines</source>
      <translation>&amp;Vortherapielinien</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="114" />
      <source>Prior thera&amp;pies</source>
      <translation>Vorthera&amp;pien</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="115" />
      <source>T&amp;MB</source>
      <translation>T&amp;MB</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="116" />
      <source>MS&amp;I</source>
      <translation>MS&amp;I</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="117" />
      <source>Case &amp;text</source>
      <translation>Fall&amp;text</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="119" />
      <source>Molecular findings</source>
      <translation>Molekulare Befunde</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="120" />
      <source>Add finding</source>
      <translation>Befund hinzufügen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="121" />
      <source>Remove finding</source>
      <translation>Befund entfernen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="202" />
      <source>TMB must be a number (mutations per megabase)</source>
      <translation>TMB muss eine Zahl sein (Mutationen pro Megabase)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="234" />
      <source>A case needs a title</source>
      <translation>Ein Fall braucht einen Titel</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="236" />
      <source>Not an ICD-10 code (e.g. C25.0)</source>
      <translation>Kein ICD-10-Code (z. B. C25.0)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/case_form.py" line="247" />
      <source>Row %1: %2</source>
      <translation>Zeile %1: %2</translation>
    </message>
  </context>
  <context>
    <name>CheckInNote</name>
    <message>
      <location filename="../../app/ui/live/notices.py" line="34" />
      <source>%1 checked in by ballot</source>
      <extracomment>How long the calm check-in note stays (it is also in the attendance count and the log).</extracomment>
      <translation>%1 durch Stimmabgabe eingecheckt</translation>
    </message>
  </context>
  <context>
    <name>ConferenceForm</name>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="83" />
      <source>19 digits, from the medical chamber</source>
      <translation>19 Ziffern, von der Ärztekammer</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="86" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="86" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="88" />
      <source>HH:MM</source>
      <translation>HH:MM</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="92" />
      <source>e.g. A</source>
      <translation>z. B. A</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="97" />
      <source>as on the attendance certificates</source>
      <translation>wie auf den Teilnahmebescheinigungen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="104" />
      <source>Fellow</source>
      <translation>Fellow</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="104" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="108" />
      <source>Add fellow</source>
      <translation>Fellow hinzufügen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="109" />
      <source>Remove fellow</source>
      <translation>Fellow entfernen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="116" />
      <source>to</source>
      <translation>bis</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="120" />
      <source>CME &amp;points</source>
      <translation>CME-&amp;Punkte</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="124" />
      <source>&amp;Topic</source>
      <translation>&amp;Thema</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="125" />
      <source>&amp;Date</source>
      <translation>&amp;Datum</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="126" />
      <source>T&amp;ime</source>
      <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="127" />
      <source>&amp;Moderator</source>
      <translation>&amp;Moderation</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="128" />
      <source>Scie&amp;ntific lead</source>
      <translation>&amp;Wissenschaftliche Leitung</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="130" />
      <source>&amp;Language of the round</source>
      <translation>&amp;Sprache der Runde</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="131" />
      <source>&amp;VNR (CME event number)</source>
      <translation>&amp;VNR (CME-Veranstaltungsnummer)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="132" />
      <source>&amp;CME category</source>
      <translation>CME-&amp;Kategorie</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="140" />
      <source>Fellows</source>
      <translation>Fellows</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="210" />
      <source>The conference needs a topic</source>
      <translation>Die Konferenz braucht ein Thema</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/conference_form.py" line="214" />
      <source>The VNR has 19 digits</source>
      <translation>Die VNR hat 19 Ziffern</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="79" />
      <source>Connect to a voting server</source>
      <extracomment>the credential store's service name for moderator tokens</extracomment>
      <translation>Mit Abstimmungsserver verbinden</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="85" />
      <source>optional: your hospital's CA certificate</source>
      <translation>optional: das CA-Zertifikat Ihres Klinikums</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="86" />
      <source>Choose…</source>
      <translation>Auswählen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="93" />
      <source>The token is kept in the system's credential store, never in a settings file.</source>
      <translation>Das Token wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="98" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="99" />
      <source>Moderator token</source>
      <translation>Moderator-Token</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="100" />
      <location filename="../../app/ui/live/connect_dialog.py" line="116" />
      <source>CA certificate</source>
      <translation>CA-Zertifikat</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="116" />
      <source>Certificates (*.pem *.crt *.cer)</source>
      <translation>Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="130" />
      <source>Enter the moderator token.</source>
      <translation>Bitte das Moderator-Token eingeben.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="135" />
      <source>The CA certificate file does not exist.</source>
      <translation>Die CA-Zertifikatsdatei gibt es nicht.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/connect_dialog.py" line="146" />
      <source>No credential store: the token is not remembered.</source>
      <translation>Kein Schlüsselbund: das Token wird nicht gespeichert.</translation>
    </message>
  </context>
  <context>
    <name>ConnectionStrip</name>
    <message>
      <location filename="../../app/ui/live/source.py" line="87" />
      <source>Connection lost — retrying in %1 s</source>
      <translation>Verbindung unterbrochen — neuer Versuch in %1 s</translation>
    </message>
  </context>
  <context>
    <name>CountPanel</name>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="116" />
      <source>Hover a code for the site's full name</source>
      <extracomment>The grid of site codes grows to show this many sites before it scrolls.</extracomment>
      <translation>Den vollen Namen zeigt der Mauszeiger über dem Kürzel</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="159" />
      <source>No question chosen</source>
      <translation>Keine Frage gewählt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="164" />
      <source>Still missing</source>
      <translation>Es fehlen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="165" />
      <source>Have voted</source>
      <translation>Haben abgestimmt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="168" />
      <source>%1 of %2 sites have voted</source>
      <translation>%1 von %2 Standorten haben abgestimmt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="175" />
      <source>Still missing (%1)</source>
      <translation>Es fehlen (%1)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="177" />
      <source>Have voted (%1)</source>
      <translation>Haben abgestimmt (%1)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/count_panel.py" line="138" />
      <location filename="../../app/ui/live/count_panel.py" line="179" />
      <source>entered by the moderator</source>
      <translation>eingetragen durch Moderation</translation>
    </message>
  </context>
  <context>
    <name>Countdown</name>
    <message>
      <location filename="../../app/ui/live/countdown.py" line="38" />
      <source>Shorten the countdown</source>
      <translation>Countdown verkürzen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/countdown.py" line="39" />
      <source>Extend the countdown</source>
      <translation>Countdown verlängern</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/countdown.py" line="40" />
      <source>Close at zero</source>
      <translation>Bei null schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/countdown.py" line="41" />
      <source>Close the question automatically when the time is up</source>
      <translation>Die Abstimmung automatisch schließen, wenn die Zeit abgelaufen ist</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/countdown.py" line="93" />
      <location filename="../../app/ui/live/countdown.py" line="97" />
      <source>Time left</source>
      <translation>Restzeit</translation>
    </message>
  </context>
  <context>
    <name>Exports</name>
    <message>
      <location filename="../../app/ui/exports.py" line="32" />
      <source>This export is not available in this installation.</source>
      <translation>Dieser Export ist in dieser Installation nicht verfügbar.</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="43" />
      <source>Saved: %1</source>
      <translation>Gespeichert: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="57" />
      <source>Export protocol</source>
      <translation>Protokoll exportieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="58" />
      <source>PDF protocol (*.pdf)</source>
      <translation>PDF-Protokoll (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="80" />
      <source>Export results</source>
      <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="81" />
      <location filename="../../app/ui/exports.py" line="106" />
      <source>CSV table (*.csv)</source>
      <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="82" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="83" />
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="104" />
      <source>Export attendance list</source>
      <translation>Anwesenheitsliste exportieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="120" />
      <source>Save chart as</source>
      <translation>Diagramm speichern unter</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="122" />
      <source>Choose a question first.</source>
      <translation>Bitte zuerst eine Frage wählen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="130" />
      <source>PNG image, 300 dpi (*.png)</source>
      <translation>PNG-Bild, 300 dpi (*.png)</translation>
    </message>
    <message>
      <location filename="../../app/ui/exports.py" line="131" />
      <source>SVG vector graphic (*.svg)</source>
      <translation>SVG-Vektorgrafik (*.svg)</translation>
    </message>
  </context>
  <context>
    <name>FindingKinds</name>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="32" />
      <source>SNV</source>
      <translation>SNV</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="33" />
      <source>Indel</source>
      <translation>Indel</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="34" />
      <source>CNV</source>
      <translation>CNV</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="35" />
      <source>Fusion</source>
      <translation>Fusion</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="36" />
      <source>Expression</source>
      <translation>Expression</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="37" />
      <source>Signature</source>
      <translation>Signatur</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="38" />
      <source>Germline</source>
      <translation>Keimbahn</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="39" />
      <source>Other</source>
      <translation>Sonstiges</translation>
    </message>
  </context>
  <context>
    <name>ImagesBox</name>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="45" />
      <source>Images</source>
      <translation>Bilder</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="49" />
      <source>File</source>
      <translation>Datei</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="49" />
      <source>Caption</source>
      <translation>Bildunterschrift</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="57" />
      <source>Add image…</source>
      <translation>Bild hinzufügen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="58" />
      <source>Remove image</source>
      <translation>Bild entfernen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="91" />
      <source>Only PNG, JPEG and SVG images</source>
      <translation>Nur PNG-, JPEG- und SVG-Bilder</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="99" />
      <source>The image is larger than 10 MB</source>
      <translation>Das Bild ist größer als 10 MB</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="116" />
      <source>Add image</source>
      <translation>Bild hinzufügen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/images_box.py" line="116" />
      <source>Images (*.png *.jpg *.jpeg *.svg)</source>
      <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
  </context>
  <context>
    <name>LibraryPage</name>
    <message>
      <location filename="../../app/ui/library.py" line="143" />
      <source>sites</source>
      <translation>Standorte</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="144" />
      <source>Conferences</source>
      <translation>Konferenzen</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="151" />
      <source>No conference yet. Create one, import case packages, or open the demo conference.</source>
      <translation>Noch keine Konferenz. Legen Sie eine an, importieren Sie Fallpakete oder öffnen Sie die Demo-Konferenz.</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="163" />
      <source>&amp;Open</source>
      <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="165" />
      <source>&amp;New conference…</source>
      <translation>&amp;Neue Konferenz …</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="166" />
      <source>&amp;Import case packages…</source>
      <translation>Fallpakete &amp;importieren …</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="167" />
      <source>Open the &amp;demo conference</source>
      <translation>&amp;Demo-Konferenz öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="168" />
      <source>De&amp;lete…</source>
      <translation>&amp;Löschen …</translation>
    </message>
  </context>
  <context>
    <name>LinksDialog</name>
    <message>
      <location filename="../../app/ui/live/links.py" line="42" />
      <source>Voting links of the sites</source>
      <translation>Abstimmungslinks der Standorte</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="46" />
      <source>Each link lets one site vote. Send it only to that site; do not share this window.</source>
      <translation>Jeder Link lässt genau einen Standort abstimmen. Nur an diesen Standort senden; dieses Fenster nicht teilen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="55" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="55" />
      <source>Link</source>
      <translation>Link</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="77" />
      <source>Copy all links</source>
      <translation>Alle Links kopieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="82" />
      <source>Address:</source>
      <translation>Adresse:</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/links.py" line="106" />
      <source>Copy link</source>
      <translation>Link kopieren</translation>
    </message>
  </context>
  <context>
    <name>LiveActions</name>
    <message>
      <location filename="../../app/ui/live/actions.py" line="51" />
      <source>&amp;Open voting</source>
      <translation>Abstimmung ö&amp;ffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="53" />
      <source>Open the question for voting</source>
      <translation>Die Frage zur Abstimmung öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="56" />
      <source>&amp;Close voting</source>
      <translation>Abstimmung &amp;schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="58" />
      <source>Close the question; later ballots are refused</source>
      <translation>Die Abstimmung schließen; spätere Stimmen werden abgelehnt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="61" />
      <source>&amp;Show result</source>
      <translation>&amp;Ergebnis zeigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="63" />
      <source>Show the result to the sites and on the presenter view</source>
      <translation>Das Ergebnis den Standorten und in der Präsentationsansicht zeigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="65" />
      <source>&amp;Hide result</source>
      <translation>Ergebnis &amp;verbergen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="66" />
      <source>&amp;Next question</source>
      <translation>&amp;Weiter</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="67" />
      <source>&amp;Previous question</source>
      <translation>&amp;Zurück</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="68" />
      <source>Re&amp;open voting…</source>
      <translation>&amp;Wieder öffnen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="69" />
      <source>Repeat as round &amp;2…</source>
      <translation>Als Runde &amp;2 wiederholen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="71" />
      <source>S&amp;kip question…</source>
      <translation>Frage &amp;überspringen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="73" />
      <source>Skip a question that was not asked, with a reason</source>
      <translation>Eine nicht gestellte Frage überspringen, mit Begründung</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="75" />
      <source>&amp;Enter vote for site…</source>
      <translation>Stimme für Standort ein&amp;tragen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="76" />
      <source>&amp;Attendance check-in…</source>
      <translation>&amp;Anwesenheit erfassen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="77" />
      <source>Voting &amp;links and QR codes…</source>
      <translation>Abstimmungs&amp;links und QR-Codes …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="78" />
      <source>Presenter &amp;view</source>
      <translation>&amp;Präsentationsansicht</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/actions.py" line="79" />
      <source>Start voting &amp;server</source>
      <translation>Abstimmungs&amp;server starten</translation>
    </message>
  </context>
  <context>
    <name>LiveConsole</name>
    <message>
      <location filename="../../app/ui/live/console.py" line="123" />
      <source>Enter or double-click: make this the current question</source>
      <translation>Eingabe oder Doppelklick: diese Frage zur aktuellen machen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="126" />
      <source>Check-in…</source>
      <translation>Erfassen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="139" />
      <source>AGENDA</source>
      <translation>AGENDA</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="141" />
      <source>Attendance</source>
      <translation>Anwesenheit</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="148" />
      <source>Voting server</source>
      <translation>Abstimmungsserver</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="154" />
      <source>Port </source>
      <translation>Port </translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="155" />
      <source>Port of the voting server; change it if the port is in use</source>
      <translation>Port des Abstimmungsservers; ändern, wenn der Port belegt ist</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="345" />
      <source>CASE %1</source>
      <translation>FALL %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="347" />
      <source>Question %1</source>
      <translation>Frage %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="349" />
      <source>(round %1)</source>
      <translation>(Runde %1)</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="354" />
      <source>No current question. Press “Next question” to begin.</source>
      <translation>Keine aktuelle Frage. Mit „Weiter“ beginnen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="361" />
      <source>%1 attendees</source>
      <translation>%1 Teilnehmende</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="365" />
      <source>Result — visible to the sites</source>
      <translation>Ergebnis — für die Standorte sichtbar</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="367" />
      <source>Live result — only you see it until “Show result”</source>
      <translation>Live-Ergebnis — nur Sie sehen es bis „Ergebnis zeigen“</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="381" />
      <source>● VOTING OPEN</source>
      <translation>● ABSTIMMUNG OFFEN</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="383" />
      <source>✔ CLOSED</source>
      <translation>✔ GESCHLOSSEN</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="387" />
      <source>○ NOT YET OPENED</source>
      <translation>○ NOCH NICHT GEÖFFNET</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="389" />
      <source>result shown</source>
      <translation>Ergebnis sichtbar</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="276" />
      <source>End of the agenda</source>
      <translation>Ende der Agenda</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="211" />
      <source>More</source>
      <translation>Mehr</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="385" />
      <source>↷ SKIPPED</source>
      <translation>↷ ÜBERSPRUNGEN</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="435" />
      <source>Connected to %1</source>
      <translation>Verbunden mit %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="438" />
      <source>Connecting to %1 …</source>
      <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="446" />
      <source>● Local server · port %1</source>
      <translation>● Lokaler Server · Port %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="451" />
      <location filename="../../app/ui/live/console.py" line="456" />
      <source>Stop voting &amp;server</source>
      <translation>Abstimmungs&amp;server stoppen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="454" />
      <source>Server starting …</source>
      <translation>Server startet …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="454" />
      <source>Server stopping …</source>
      <translation>Server hält an …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="458" />
      <source>Server not running: %1</source>
      <translation>Server läuft nicht: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="460" />
      <location filename="../../app/ui/live/console.py" line="464" />
      <source>Start voting &amp;server</source>
      <translation>Abstimmungs&amp;server starten</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="462" />
      <source>○ Server stopped</source>
      <translation>○ Server gestoppt</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="518" />
      <source>%1 of %2 sites have not voted yet:</source>
      <translation>%1 von %2 Standorten haben noch nicht abgestimmt:</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="522" />
      <source>Close the voting anyway?</source>
      <translation>Die Abstimmung trotzdem schließen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="524" />
      <source>Close voting</source>
      <translation>Abstimmung schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="535" />
      <location filename="../../app/ui/live/console.py" line="539" />
      <source>Show result</source>
      <translation>Ergebnis zeigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="537" />
      <source>The voting is still open. Sites that have not voted yet will see the result. Show it anyway?</source>
      <translation>Die Abstimmung ist noch offen. Standorte, die noch nicht abgestimmt haben, sehen dann das Ergebnis. Trotzdem zeigen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="554" />
      <source>Reopen voting</source>
      <translation>Abstimmung wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="556" />
      <source>Open the voting on this question again? The result is hidden until you show it again.</source>
      <translation>Die Abstimmung zu dieser Frage wieder öffnen? Das Ergebnis ist verborgen, bis Sie es erneut zeigen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="558" />
      <source>Reopen</source>
      <translation>Wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="567" />
      <source>Repeat as round 2</source>
      <translation>Als Runde 2 wiederholen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="569" />
      <source>Create round 2 of this question? Round 1 keeps its votes; round 2 starts empty.</source>
      <translation>Runde 2 dieser Frage anlegen? Runde 1 behält ihre Stimmen; Runde 2 beginnt leer.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="571" />
      <source>Create round 2</source>
      <translation>Runde 2 anlegen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="584" />
      <source>Skip question</source>
      <translation>Frage überspringen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="586" />
      <source>Why is question %1 skipped? The protocol reports it as not asked, with this reason.</source>
      <translation>Warum wird Frage %1 übersprungen? Das Protokoll nennt sie als nicht gestellt, mit diesem Grund.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="615" />
      <source>Choose question</source>
      <translation>Frage wählen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="616" />
      <source>Question %1 is still open; close it first.</source>
      <translation>Frage %1 ist noch offen; bitte zuerst schließen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="659" />
      <source>Stop voting server</source>
      <translation>Abstimmungsserver stoppen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="660" />
      <source>Sites can no longer vote while the server is stopped. Stop it?</source>
      <translation>Solange der Server gestoppt ist, können die Standorte nicht abstimmen. Stoppen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/console.py" line="661" />
      <source>Stop server</source>
      <translation>Server stoppen</translation>
    </message>
  </context>
  <context>
    <name>LiveSession</name>
    <message>
      <location filename="../../app/ui/live/session.py" line="326" />
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="329" />
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="333" />
      <source>Show result</source>
      <translation>Ergebnis zeigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="337" />
      <source>Hide result</source>
      <translation>Ergebnis verbergen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="340" />
      <source>Reopen</source>
      <translation>Wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="343" />
      <source>Round 2</source>
      <translation>Runde 2</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="348" />
      <source>Skip question</source>
      <translation>Frage überspringen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="352" />
      <source>Next</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="357" />
      <source>Choose question</source>
      <translation>Frage wählen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="382" />
      <source>Enter vote for site</source>
      <translation>Stimme für Standort eintragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/session.py" line="392" />
      <source>Attendance</source>
      <translation>Anwesenheit</translation>
    </message>
  </context>
  <context>
    <name>MainMenus</name>
    <message>
      <location filename="../../app/ui/window/menus.py" line="57" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="58" />
      <source>&amp;New conference…</source>
      <translation>&amp;Neue Konferenz …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="59" />
      <source>Conference &amp;library</source>
      <translation>Konferenz&amp;bibliothek</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="61" />
      <source>&amp;Close conference</source>
      <translation>Konferenz &amp;schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="64" />
      <source>&amp;Import case packages…</source>
      <translation>Fallpakete &amp;importieren …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="65" />
      <source>&amp;Merge case packages into a new conference…</source>
      <translation>Fallpakete zu neuer Konferenz &amp;zusammenführen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="66" />
      <source>&amp;Export case package…</source>
      <translation>Fallpaket &amp;exportieren …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="67" />
      <source>Import po&amp;ll report…</source>
      <translation>Umfrage&amp;bericht importieren …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="73" />
      <source>Export &amp;protocol (PDF)…</source>
      <translation>&amp;Protokoll exportieren (PDF) …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="74" />
      <source>Export &amp;results (CSV, XLSX, JSON)…</source>
      <translation>E&amp;rgebnisse exportieren (CSV, XLSX, JSON) …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="75" />
      <source>Export &amp;attendance list (CSV)…</source>
      <translation>&amp;Anwesenheitsliste exportieren (CSV) …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="78" />
      <source>Save &amp;chart as…</source>
      <translation>&amp;Diagramm speichern unter …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="84" />
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="87" />
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="88" />
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="90" />
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="95" />
      <source>&amp;Live</source>
      <translation>&amp;Live</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="96" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="98" />
      <source>&amp;Preparation</source>
      <translation>&amp;Vorbereitung</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="99" />
      <source>&amp;Live console</source>
      <translation>&amp;Live-Konsole</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="102" />
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="104" />
      <source>&amp;Appearance</source>
      <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="106" />
      <source>Follow the system</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="107" />
      <source>Light</source>
      <translation>Hell</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="108" />
      <source>Dark</source>
      <translation>Dunkel</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="114" />
      <source>&amp;Full screen</source>
      <translation>&amp;Vollbild</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="119" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="122" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="126" />
      <source>Open &amp;log file</source>
      <translation>&amp;Protokolldatei öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="127" />
      <source>&amp;About Votum</source>
      <translation>&amp;Über Votum</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="142" />
      <source>Connect to a voting server…</source>
      <translation>Mit Abstimmungsserver verbinden …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="148" />
      <source>Publish conference…</source>
      <translation>Konferenz veröffentlichen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="152" />
      <source>Fetch results</source>
      <translation>Ergebnisse holen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/menus.py" line="156" />
      <source>Start the live session</source>
      <translation>Live-Sitzung beginnen</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="66" />
      <source>About Votum</source>
      <translation>Über Votum</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="67" />
      <source>Votum %1 — live voting for the joint sessions of molecular tumor boards.</source>
      <translation>Votum %1 — Live-Abstimmung für die gemeinsamen Sitzungen molekularer Tumorboards.</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="82" />
      <source>Open log file</source>
      <translation>Protokolldatei öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="83" />
      <source>No program could open the log file. It is here:
%1</source>
      <translation>Kein Programm konnte die Protokolldatei öffnen. Sie liegt hier:
%1</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <location filename="../../app/ui/messages.py" line="106" />
      <source>File or folder not found: %1</source>
      <translation>Datei oder Ordner nicht gefunden: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="107" />
      <location filename="../../app/ui/messages.py" line="108" />
      <source>No permission to access %1</source>
      <translation>Keine Berechtigung für %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="109" />
      <source>The disk is full; %1 was not written</source>
      <translation>Der Datenträger ist voll; %1 wurde nicht geschrieben</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="110" />
      <source>%1 is on a read-only disk</source>
      <translation>%1 liegt auf einem schreibgeschützten Datenträger</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="111" />
      <source>%1 is a folder, not a file</source>
      <translation>%1 ist ein Ordner, keine Datei</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="112" />
      <source>A folder in %1 is a file</source>
      <translation>Ein Ordner in %1 ist eine Datei</translation>
    </message>
    <message>
      <location filename="../../app/ui/messages.py" line="116" />
      <source>%1 cannot be read or written (error %2)</source>
      <translation>%1 lässt sich nicht lesen oder schreiben (Fehler %2)</translation>
    </message>
  </context>
  <context>
    <name>NewConferenceDialog</name>
    <message>
      <location filename="../../app/ui/library.py" line="45" />
      <source>New conference</source>
      <translation>Neue Konferenz</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="47" />
      <source>e.g. KRAS-mutated pancreatic cancer</source>
      <translation>z. B. KRAS-mutiertes Pankreaskarzinom</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="58" />
      <source>&amp;Topic</source>
      <translation>&amp;Thema</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="59" />
      <source>&amp;Date</source>
      <translation>&amp;Datum</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="60" />
      <source>&amp;Moderator</source>
      <translation>&amp;Moderation</translation>
    </message>
    <message>
      <location filename="../../app/ui/library.py" line="61" />
      <source>&amp;Language of the round</source>
      <translation>&amp;Sprache der Runde</translation>
    </message>
  </context>
  <context>
    <name>NewSiteDialog</name>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="37" />
      <source>New site</source>
      <translation>Neuer Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="44" />
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="45" />
      <source>&amp;Code</source>
      <translation>&amp;Kürzel</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="46" />
      <source>C&amp;ity</source>
      <translation>S&amp;tadt</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="47" />
      <source>&amp;E-mail</source>
      <translation>&amp;E-Mail</translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message>
      <location filename="../../app/ui/live/notes_panel.py" line="47" />
      <source>Discussion notes for the protocol …</source>
      <extracomment>Runs a write and then ``done(error or None)`` in the GUI thread (:meth:`LiveSession.write`).</extracomment>
      <translation>Diskussionsnotizen für das Protokoll …</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/notes_panel.py" line="48" />
      <source>Notes on the question</source>
      <translation>Notizen zur Frage</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/notes_panel.py" line="49" />
      <source>Notes on the case</source>
      <translation>Notizen zum Fall</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/notes_panel.py" line="123" />
      <source>saved %1</source>
      <translation>gespeichert %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/notes_panel.py" line="128" />
      <location filename="../../app/ui/live/notes_panel.py" line="134" />
      <source>not yet saved</source>
      <translation>noch nicht gespeichert</translation>
    </message>
  </context>
  <context>
    <name>OrderDialog</name>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="39" />
      <source>Order of the case packages</source>
      <translation>Reihenfolge der Fallpakete</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="48" />
      <source>Move &amp;up</source>
      <translation>Nach &amp;oben</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="49" />
      <source>Move &amp;down</source>
      <translation>Nach &amp;unten</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="61" />
      <source>The cases are added in this order (drag to change it):</source>
      <translation>Die Fälle werden in dieser Reihenfolge übernommen (zum Ändern ziehen):</translation>
    </message>
  </context>
  <context>
    <name>PackageFiles</name>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="31" />
      <source>Case packages (*.votum.json *.json);;All files (*)</source>
      <translation>Fallpakete (*.votum.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="91" />
      <source>Import case packages</source>
      <translation>Fallpakete importieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="115" />
      <location filename="../../app/ui/editor/packages_io.py" line="121" />
      <source>Case package not imported</source>
      <translation>Fallpaket nicht importiert</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="116" />
      <source>Nothing was imported:</source>
      <translation>Es wurde nichts importiert:</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="126" />
      <source>Case packages imported</source>
      <translation>Fallpakete importiert</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="127" />
      <source>%1 cases imported from %2 files.</source>
      <translation>%1 Fälle aus %2 Dateien importiert.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="139" />
      <source>Export case package</source>
      <translation>Fallpaket exportieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/packages_io.py" line="156" />
      <source>Case package not exported</source>
      <translation>Fallpaket nicht exportiert</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../app/ui/window/pages.py" line="37" />
      <location filename="../../app/ui/window/pages.py" line="247" />
      <source>Opening the database …</source>
      <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="52" />
      <source>The database cannot be opened:
%1</source>
      <translation>Die Datenbank lässt sich nicht öffnen:
%1</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="110" />
      <source>Open conference</source>
      <translation>Konferenz öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="139" />
      <source>Close conference</source>
      <translation>Konferenz schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="140" />
      <source>The voting server is running. Close the conference and stop the server?</source>
      <translation>Der Abstimmungsserver läuft. Konferenz schließen und Server stoppen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="141" />
      <source>Close and stop</source>
      <translation>Schließen und stoppen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="188" />
      <source>Welcome to Votum</source>
      <translation>Willkommen bei Votum</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="190" />
      <source>There is no conference yet. Open the demo conference to see the whole flow (preparation, live voting, presenter view)?</source>
      <translation>Es gibt noch keine Konferenz. Die Demo-Konferenz öffnen, um den ganzen Ablauf zu sehen (Vorbereitung, Live-Abstimmung, Präsentationsansicht)?</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="193" />
      <source>Open the demo</source>
      <translation>Demo öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="208" />
      <location filename="../../app/ui/window/pages.py" line="219" />
      <source>Delete conference</source>
      <translation>Konferenz löschen</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="209" />
      <source>Delete “%1” with all cases, votes and notes? This cannot be undone.</source>
      <translation>„%1“ mit allen Fällen, Stimmen und Notizen löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/pages.py" line="212" />
      <source>Delete</source>
      <translation>Löschen</translation>
    </message>
  </context>
  <context>
    <name>PollImportDialog</name>
    <message>
      <location filename="../../app/ui/poll_import.py" line="76" />
      <location filename="../../app/ui/poll_import.py" line="187" />
      <source>Import poll report</source>
      <translation>Umfragebericht importieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="90" />
      <source>Choose file…</source>
      <translation>Datei wählen …</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="93" />
      <source>Automatic (Zoom if recognised)</source>
      <translation>Automatisch (Zoom, wenn erkannt)</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="94" />
      <source>Zoom poll report</source>
      <translation>Zoom-Umfragebericht</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="95" />
      <source>Plain CSV (participant, question, answer)</source>
      <translation>Einfache CSV (Teilnehmer, Frage, Antwort)</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="98" />
      <source>Columns of a plain CSV: participant, question, answer[, time]</source>
      <translation>Spalten einer einfachen CSV: Teilnehmer, Frage, Antwort[, Zeit]</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="115" />
      <source>Store the totals as counted by the call</source>
      <translation>Summen als „von der Videokonferenz gezählt“ speichern</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="119" />
      <source>Participant</source>
      <translation>Teilnehmer/in</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="119" />
      <source>Rule</source>
      <translation>Regel</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="119" />
      <location filename="../../app/ui/poll_import.py" line="123" />
      <location filename="../../app/ui/poll_import.py" line="124" />
      <location filename="../../app/ui/poll_import.py" line="126" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="121" />
      <source>Poll question</source>
      <translation>Frage der Umfrage</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="121" />
      <source>Match</source>
      <translation>Zuordnung</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="121" />
      <location filename="../../app/ui/poll_import.py" line="124" />
      <location filename="../../app/ui/poll_import.py" line="126" />
      <source>Question</source>
      <translation>Frage</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="121" />
      <source>Confirmed</source>
      <translation>Bestätigt</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="123" />
      <source>E-mail domain</source>
      <translation>E-Mail-Domain</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="124" />
      <source>Resolution</source>
      <translation>Entscheidung</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="126" />
      <source>Answer</source>
      <translation>Antwort</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="126" />
      <location filename="../../app/ui/poll_import.py" line="140" />
      <source>Participants</source>
      <translation>Teilnehmende</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="141" />
      <source>Questions</source>
      <translation>Fragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="142" />
      <location filename="../../app/ui/poll_import.py" line="291" />
      <source>Conflicts</source>
      <translation>Konflikte</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="143" />
      <source>Ballots to store</source>
      <translation>Zu speichernde Stimmen</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="144" />
      <source>E-mail domains</source>
      <translation>E-Mail-Domains</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="154" />
      <source>Import</source>
      <translation>Importieren</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="165" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="169" />
      <source>F&amp;ormat</source>
      <translation>F&amp;ormat</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="170" />
      <source>CSV &amp;columns</source>
      <translation>CSV-&amp;Spalten</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="171" />
      <source>&amp;Round</source>
      <translation>&amp;Runde</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="187" />
      <source>Poll reports (*.csv *.txt)</source>
      <translation>Umfrageberichte (*.csv *.txt)</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="254" />
      <source>%1 answers to %2 questions, %3 ballots to store</source>
      <translation>%1 Antworten auf %2 Fragen, %3 Stimmen zu speichern</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="261" />
      <source>%1 participants match no site</source>
      <translation>%1 Teilnehmende ohne Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="265" />
      <source>%1 earlier submissions replaced by a later one (the last counts)</source>
      <translation>%1 frühere Antworten durch spätere ersetzt (die letzte zählt)</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="272" />
      <source>Anonymous poll: no ballots per site; only the totals can be stored, as counted by the call</source>
      <translation>Anonyme Umfrage: keine Stimmen je Standort; nur die Summen lassen sich speichern, als „von der Videokonferenz gezählt“</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="288" />
      <source>Conflicts (%1)</source>
      <translation>Konflikte (%1)</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="295" />
      <source>table</source>
      <translation>Tabelle</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="296" />
      <source>e-mail domain</source>
      <translation>E-Mail-Domain</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="297" />
      <source>name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="298" />
      <source>no site</source>
      <translation>kein Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="302" />
      <source>ambiguous: %1</source>
      <translation>mehrdeutig: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="343" />
      <source>same text</source>
      <translation>gleicher Text</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="344" />
      <source>similar (%1 %) — please confirm</source>
      <translation>ähnlich (%1 %) – bitte bestätigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="345" />
      <source>chosen</source>
      <translation>gewählt</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="346" />
      <source>not imported</source>
      <translation>nicht importiert</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="357" />
      <source>— not imported —</source>
      <translation>— nicht importiert —</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="383" />
      <source>— choose —</source>
      <translation>— bitte wählen —</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="389" />
      <source>Count the site as abstaining</source>
      <translation>Standort als Enthaltung werten</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="413" />
      <source>abstained</source>
      <translation>enthalten</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="415" />
      <source>valid answers</source>
      <translation>gültige Antworten</translation>
    </message>
    <message>
      <location filename="../../app/ui/poll_import.py" line="424" />
      <source>counted by the call</source>
      <translation>von der Videokonferenz gezählt</translation>
    </message>
  </context>
  <context>
    <name>PreparationEditor</name>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="74" />
      <source>Conference</source>
      <translation>Konferenz</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="75" />
      <source>Sites</source>
      <translation>Standorte</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="76" />
      <source>Cases and questions</source>
      <translation>Fälle und Fragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="77" />
      <source>Changes are saved as you type; Ctrl+Z undoes them.</source>
      <translation>Änderungen werden beim Tippen gespeichert; Strg+Z macht sie rückgängig.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="96" />
      <location filename="../../app/ui/editor/editor.py" line="268" />
      <location filename="../../app/ui/editor/editor.py" line="271" />
      <source>New case</source>
      <translation>Neuer Fall</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="97" />
      <location filename="../../app/ui/editor/editor.py" line="287" />
      <location filename="../../app/ui/editor/editor.py" line="292" />
      <location filename="../../app/ui/editor/editor.py" line="294" />
      <source>New question</source>
      <translation>Neue Frage</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="98" />
      <location filename="../../app/ui/editor/editor.py" line="327" />
      <source>Delete</source>
      <translation>Löschen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="102" />
      <source>Drag cases and questions to reorder them.</source>
      <translation>Fälle und Fragen zum Umsortieren ziehen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="119" />
      <source>Choose a case or a question on the left, or create a new case.</source>
      <translation>Links einen Fall oder eine Frage wählen oder einen neuen Fall anlegen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="195" />
      <source>All changes saved %1</source>
      <translation>Alle Änderungen gespeichert %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="208" />
      <source>Not saved</source>
      <translation>Nicht gespeichert</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="232" />
      <source>Edit conference</source>
      <translation>Konferenz bearbeiten</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="244" />
      <source>Edit case</source>
      <translation>Fall bearbeiten</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="259" />
      <source>Edit question</source>
      <translation>Frage bearbeiten</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="287" />
      <source>Choose the case the question belongs to.</source>
      <translation>Bitte den Fall wählen, zu dem die Frage gehört.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="312" />
      <source>Delete case</source>
      <translation>Fall löschen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="313" />
      <source>Delete case %1 with its questions?</source>
      <translation>Fall „%1“ mit seinen Fragen löschen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="317" />
      <source>Delete question</source>
      <translation>Frage löschen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="318" />
      <source>Delete question %1?</source>
      <translation>Frage %1 löschen?</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/editor.py" line="344" />
      <source>Move</source>
      <translation>Verschieben</translation>
    </message>
  </context>
  <context>
    <name>QuestionForm</name>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="68" />
      <source>Kind, options and abstain are fixed once the question has been opened; the sentence parts can still be corrected.</source>
      <translation>Art, Optionen und „Enthaltung“ sind fest, sobald die Frage geöffnet wurde; die Satzteile lassen sich weiter korrigieren.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="77" />
      <source>Option</source>
      <translation>Option</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="78" />
      <source>Sentence (German)</source>
      <translation>Satzteil (deutsch)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="79" />
      <source>Sentence (English)</source>
      <translation>Satzteil (englisch)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="80" />
      <source>Alone</source>
      <translation>Allein</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="90" />
      <source>Stands alone: cannot be combined with another option in a multiple-choice ballot ("No recommendation" always does)</source>
      <translation>Steht allein: in der Mehrfachauswahl nicht mit anderen Optionen kombinierbar („Keine Empfehlung“ immer)</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="96" />
      <source>The sentences finish "15 % of sites …" in the manuscript sentence</source>
      <translation>Die Satzteile vervollständigen „15 % der Standorte …“ im Manuskriptsatz</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="99" />
      <source>Add option</source>
      <translation>Option hinzufügen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="100" />
      <source>Remove option</source>
      <translation>Option entfernen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="114" />
      <source>Sites answer in their own words; there are no options.</source>
      <translation>Die Standorte antworten in eigenen Worten; es gibt keine Optionen.</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="120" />
      <source>Offer "abstain"</source>
      <translation>„Enthaltung“ anbieten</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="122" />
      <source>Abstentions are shown apart and left out of the percentages</source>
      <translation>Enthaltungen werden getrennt gezeigt und nicht in die Prozente gerechnet</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="125" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="129" />
      <source>Countdown in the live console; – for none</source>
      <translation>Countdown in der Live-Konsole; – für keinen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="133" />
      <source>&amp;Question</source>
      <translation>&amp;Frage</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="134" />
      <source>&amp;Kind</source>
      <translation>&amp;Art</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="136" />
      <source>Options</source>
      <translation>Optionen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="138" />
      <source>&amp;Duration</source>
      <translation>&amp;Dauer</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="163" />
      <source>Question %1</source>
      <translation>Frage %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="165" />
      <source>round %1</source>
      <translation>Runde %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/question_form.py" line="251" />
      <source>The question needs a text</source>
      <translation>Die Frage braucht einen Text</translation>
    </message>
  </context>
  <context>
    <name>RemoteSession</name>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="368" />
      <location filename="../../app/ui/live/remote_session.py" line="394" />
      <location filename="../../app/ui/live/remote_session.py" line="421" />
      <source>This question is not on the server.</source>
      <translation>Diese Frage gibt es auf dem Server nicht.</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="373" />
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="376" />
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="379" />
      <source>Show result</source>
      <translation>Ergebnis zeigen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="382" />
      <source>Hide result</source>
      <translation>Ergebnis verbergen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="385" />
      <source>Reopen</source>
      <translation>Wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="388" />
      <source>Round 2</source>
      <translation>Runde 2</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="391" />
      <source>Skip question</source>
      <translation>Frage überspringen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="399" />
      <source>Next</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="404" />
      <source>Choose question</source>
      <translation>Frage wählen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="416" />
      <source>Enter vote for site</source>
      <translation>Stimme für Standort eintragen</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="437" />
      <source>Attendance</source>
      <translation>Anwesenheit</translation>
    </message>
    <message>
      <location filename="../../app/ui/live/remote_session.py" line="456" />
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
  </context>
  <context>
    <name>ResultChart</name>
    <message>
      <location filename="../../app/ui/live/chart.py" line="92" />
      <source>The chart appears here.</source>
      <translation>Hier erscheint das Diagramm.</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="43" />
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="45" />
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <location filename="../../app/ui/window/help_menu.py" line="45" />
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
  </context>
  <context>
    <name>SitesPage</name>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="73" />
      <source>Invited</source>
      <translation>Eingeladen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="74" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="75" />
      <source>Code</source>
      <translation>Kürzel</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="76" />
      <source>City</source>
      <translation>Stadt</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="77" />
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="91" />
      <source>New site…</source>
      <translation>Neuer Standort …</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="92" />
      <source>Invite all</source>
      <translation>Alle einladen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="110" />
      <source>%1 of %2 sites invited</source>
      <translation>%1 von %2 Standorten eingeladen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="127" />
      <location filename="../../app/ui/editor/sites_page.py" line="147" />
      <location filename="../../app/ui/editor/sites_page.py" line="155" />
      <source>Invite site</source>
      <translation>Standort einladen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="132" />
      <source>Withdraw invitation</source>
      <translation>Einladung zurückziehen</translation>
    </message>
    <message>
      <location filename="../../app/ui/editor/sites_page.py" line="139" />
      <source>Edit site</source>
      <translation>Standort bearbeiten</translation>
    </message>
  </context>
  <context>
    <name>StorageAlarm</name>
    <message>
      <location filename="../../app/ui/live/notices.py" line="70" />
      <source>Ballots are NOT being stored: %1. The sites are asked to vote again. Free disk space or check the database file; storing resumes by itself.</source>
      <translation>Stimmen werden NICHT gespeichert: %1. Die Standorte werden gebeten, erneut abzustimmen. Speicherplatz freigeben oder die Datenbankdatei prüfen; danach wird von selbst wieder gespeichert.</translation>
    </message>
  </context>
  <context>
    <name>Validation</name>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="86" />
      <source>Unknown kind “%1”</source>
      <translation>Unbekannte Art „%1“</translation>
    </message>
    <message>
      <location filename="../../app/ui/models/findings_model.py" line="92" />
      <source>VAF must be a number between 0 and 100</source>
      <translation>VAF muss eine Zahl zwischen 0 und 100 sein</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="27" />
      <source>At most %1 characters</source>
      <translation>Höchstens %1 Zeichen</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="35" />
      <location filename="../../app/ui/validation.py" line="43" />
      <source>Must not be empty</source>
      <extracomment>pydantic error type → the reason (``ctx`` fills in the limit).</extracomment>
      <translation>Darf nicht leer sein</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="29" />
      <source>At most %1 entries</source>
      <translation>Höchstens %1 Einträge</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="36" />
      <source>At least %1 entries</source>
      <translation>Mindestens %1 Einträge</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="47" />
      <source>At least %1</source>
      <translation>Mindestens %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="50" />
      <source>At most %1</source>
      <translation>Höchstens %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="53" />
      <location filename="../../app/ui/validation.py" line="54" />
      <source>Must be a whole number</source>
      <translation>Muss eine ganze Zahl sein</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="55" />
      <location filename="../../app/ui/validation.py" line="56" />
      <source>Must be a number</source>
      <translation>Muss eine Zahl sein</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="57" />
      <location filename="../../app/ui/validation.py" line="58" />
      <source>Not one of the allowed values</source>
      <translation>Keiner der erlaubten Werte</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="65" />
      <source>Give at least two options</source>
      <extracomment>The package format's own rules (``raise ValueError(...)`` in package_schema), by message.</extracomment>
      <translation>Mindestens zwei Optionen angeben</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="69" />
      <source>The options must be different</source>
      <translation>Die Optionen müssen verschieden sein</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="73" />
      <source>A free-text question has no options</source>
      <translation>Eine Freitextfrage hat keine Optionen</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="77" />
      <source>Not an ICD-10 code (e.g. C25.0)</source>
      <translation>Kein ICD-10-Code (z. B. C25.0)</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="81" />
      <source>%1 is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), c.35G&gt;A, exon 19 deletion)</source>
      <translation>%1 hat nicht die HGVS-Form (z. B. p.G12D, p.(Gly12Asp), c.35G&gt;A, Exon-19-Deletion)</translation>
    </message>
    <message>
      <location filename="../../app/ui/validation.py" line="88" />
      <source>The image data is damaged</source>
      <translation>Die Bilddaten sind beschädigt</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <location filename="../../app/ui/workspace.py" line="51" />
      <source>Preparation</source>
      <translation>Vorbereitung</translation>
    </message>
    <message>
      <location filename="../../app/ui/workspace.py" line="52" />
      <location filename="../../app/ui/workspace.py" line="151" />
      <source>Starting the live console …</source>
      <translation>Live-Konsole startet …</translation>
    </message>
    <message>
      <location filename="../../app/ui/workspace.py" line="53" />
      <location filename="../../app/ui/workspace.py" line="86" />
      <location filename="../../app/ui/workspace.py" line="153" />
      <source>Live</source>
      <translation>Live</translation>
    </message>
    <message>
      <location filename="../../app/ui/workspace.py" line="174" />
      <source>Results not fetched: %1</source>
      <translation>Ergebnisse nicht geholt: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/workspace.py" line="177" />
      <source>Results fetched from %1: %2 ballots</source>
      <translation>Ergebnisse von %1 geholt: %2 Stimmen</translation>
    </message>
  </context>
</TS>