"""Update the German catalogue: run lupdate over app/ui, fill in the German texts below,
mark them finished and compile with lrelease. ``python tools/translations.py``.

English is the source language; a string missing here stays unfinished and shows in
English (the script lists it).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "votum_de.ts"
QM = TS.with_suffix(".qm")
BIN = Path(PySide6.__file__).resolve().parent

#: Per-context wording where one English text needs two German ones.
CONTEXT = {
    ("LiveSession", "Open"): "Öffnen",
    ("LiveSession", "Close"): "Schließen",
    ("LibraryPage", "&Open"): "Ö&ffnen",
    ("LiveSession", "Next"): "Weiter",
    ("RemoteSession", "Open"): "Öffnen",
    ("RemoteSession", "Close"): "Schließen",
    ("RemoteSession", "Next"): "Weiter",
    ("ConferenceForm", "Site"): "Standort",
    ("ConferenceForm", "Start"): "Beginn",
    ("ConferenceForm", "End"): "Ende",
    ("ConferenceForm", "to"): "bis",
    ("QuestionForm", "Question %1"): "Frage %1",
}

DE = {
    # a hosted voting server (connect, publish, fetch, the connection strip)
    "Connection lost — retrying in %1 s": "Verbindung unterbrochen — neuer Versuch in %1 s",
    "Connected to %1": "Verbunden mit %1",
    "Connecting to %1 …": "Verbinde mit %1 …",
    "● Local server · port %1": "● Lokaler Server · Port %1",
    "This question is not on the server.": "Diese Frage gibt es auf dem Server nicht.",
    "Note": "Notiz",
    "Connect to a voting server": "Mit Abstimmungsserver verbinden",
    "Connect to a voting server…": "Mit Abstimmungsserver verbinden …",
    "optional: your hospital's CA certificate": "optional: das CA-Zertifikat Ihres Klinikums",
    "Choose…": "Auswählen …",
    "The token is kept in the system's credential store, never in a settings file.": (
        "Das Token wird im Schlüsselbund des Systems gespeichert, nie in einer "
        "Einstellungsdatei."
    ),
    "Address": "Adresse",
    "Moderator token": "Moderator-Token",
    "CA certificate": "CA-Zertifikat",
    "Certificates (*.pem *.crt *.cer)": "Zertifikate (*.pem *.crt *.cer)",
    "Enter the moderator token.": "Bitte das Moderator-Token eingeben.",
    "The CA certificate file does not exist.": "Die CA-Zertifikatsdatei gibt es nicht.",
    "No credential store: the token is not remembered.": (
        "Kein Schlüsselbund: das Token wird nicht gespeichert."
    ),
    "images": "Bilder",
    "case texts": "Falltexte",
    "full summaries": "vollständige Zusammenfassungen",
    "Goes out: %1 cases, %2 questions, %3 sites": "Geht hinaus: %1 Fälle, %2 Fragen, %3 Standorte",
    "only what the sites need": "nur was die Standorte brauchen",
    "The server has: “%1”, %2 cases, %3 sites, %4 ballots": (
        "Der Server hat: „%1“, %2 Fälle, %3 Standorte, %4 Stimmen"
    ),
    "Publish conference": "Konferenz veröffentlichen",
    "Publish conference…": "Konferenz veröffentlichen …",
    "The server's conference already has ballots; it is not overwritten.": (
        "Die Konferenz auf dem Server hat schon Stimmen; sie wird nicht überschrieben."
    ),
    "Publish": "Veröffentlichen",
    "Fetch results": "Ergebnisse holen",
    "%1 ballots fetched from %2.": "%1 Stimmen von %2 geholt.",
    "Nothing new on %1.": "Nichts Neues auf %1.",
    "Results not fetched: %1": "Ergebnisse nicht geholt: %1",
    "Results fetched from %1: %2 ballots": "Ergebnisse von %1 geholt: %2 Stimmen",
    # question form: options that stand alone
    "Alone": "Allein",
    'Stands alone: cannot be combined with another option in a multiple-choice ballot ("No '
    'recommendation" always does)': (
        "Steht allein: in der Mehrfachauswahl nicht mit anderen Optionen kombinierbar "
        "(„Keine Empfehlung“ immer)"
    ),
    # images
    "Images": "Bilder",
    "File": "Datei",
    "Caption": "Bildunterschrift",
    "Add image…": "Bild hinzufügen …",
    "Remove image": "Bild entfernen",
    "Only PNG, JPEG and SVG images": "Nur PNG-, JPEG- und SVG-Bilder",
    "The image is larger than 10 MB": "Das Bild ist größer als 10 MB",
    "Add image": "Bild hinzufügen",
    "Images (*.png *.jpg *.jpeg *.svg)": "Bilder (*.png *.jpg *.jpeg *.svg)",
    # agenda
    "Case %1": "Fall %1",
    "Round %1": "Runde %1",
    "OPEN": "OFFEN",
    # attendance
    "Attendance check-in": "Anwesenheit erfassen",
    "Site": "Standort",
    "Present": "Anwesend",
    "Attendees": "Teilnehmende",
    "Names / EFN": "Namen / EFN",
    "Names (%1)…": "Namen (%1) …",
    "%1 of %2 sites present, %3 attendees": "%1 von %2 Standorten anwesend, %3 Teilnehmende",
    "Attendees: %1": "Teilnehmende: %1",
    "Name": "Name",
    "EFN (15 digits)": "EFN (15 Ziffern)",
    "Add row": "Zeile hinzufügen",
    "Row %1: name missing": "Zeile %1: Name fehlt",
    "Row %1: %2": "Zeile %1: %2",
    # ballot dialog
    "Enter vote for site": "Stimme für Standort eintragen",
    "%1 (has voted; replaces)": "%1 (hat abgestimmt; wird ersetzt)",
    "Abstain": "Enthaltung",
    "The vote is marked as entered by the moderator.": (
        "Die Stimme wird als „eingetragen durch Moderation“ gekennzeichnet."
    ),
    "&Site": "&Standort",
    "Answer": "Antwort",
    "&Comment": "&Kommentar",
    "Enter vote": "Stimme eintragen",
    "Choose a site": "Bitte einen Standort wählen",
    "Choose an answer": "Bitte eine Antwort wählen",
    # case form
    " years": " Jahre",
    "female": "weiblich",
    "male": "männlich",
    "diverse": "divers",
    "mut/Mb": "Mut/Mb",
    "Gene": "Gen",
    "Alteration (HGVS)": "Veränderung (HGVS)",
    "Kind": "Art",
    "VAF %": "VAF %",
    "Comment": "Kommentar",
    "Paste rows from a spreadsheet with Ctrl+V (gene, alteration, kind, VAF, comment)": (
        "Zeilen aus einer Tabelle mit Strg+V einfügen (Gen, Veränderung, Art, VAF, Kommentar)"
    ),
    "&Title": "&Titel",
    "&Presented by": "&Vorgestellt von",
    "&Age": "&Alter",
    "&Sex": "&Geschlecht",
    "&Diagnosis": "&Diagnose",
    "&ICD-10": "&ICD-10",
    "&Histology": "&Histologie",
    "Stag&e": "Sta&dium",
    "E&COG": "E&COG",
    "Prior therapy &lines": "&Vortherapielinien",
    "Prior thera&pies": "Vorthera&pien",
    "T&MB": "T&MB",
    "MS&I": "MS&I",
    "Case &text": "Fall&text",
    "Molecular findings": "Molekulare Befunde",
    "Add finding": "Befund hinzufügen",
    "Remove finding": "Befund entfernen",
    "TMB must be a number (mutations per megabase)": (
        "TMB muss eine Zahl sein (Mutationen pro Megabase)"
    ),
    "A case needs a title": "Ein Fall braucht einen Titel",
    "Not an ICD-10 code (e.g. C25.0)": "Kein ICD-10-Code (z. B. C25.0)",
    # conference form
    "19 digits, from the medical chamber": "19 Ziffern, von der Ärztekammer",
    "Fellow": "Fellow",
    "Add fellow": "Fellow hinzufügen",
    "Remove fellow": "Fellow entfernen",
    "&Topic": "&Thema",
    "&Date": "&Datum",
    "&Moderator": "&Moderation",
    "&Language of the round": "&Sprache der Runde",
    "&VNR (CME event number)": "&VNR (CME-Veranstaltungsnummer)",
    "Fellows": "Fellows",
    "The conference needs a topic": "Die Konferenz braucht ein Thema",
    "The VNR has 19 digits": "Die VNR hat 19 Ziffern",
    "T&ime": "&Uhrzeit",
    "HH:MM": "HH:MM",
    "Scie&ntific lead": "&Wissenschaftliche Leitung",
    "as on the attendance certificates": "wie auf den Teilnahmebescheinigungen",
    "&CME category": "CME-&Kategorie",
    "e.g. A": "z. B. A",
    "CME &points": "CME-&Punkte",
    # count panel
    "No question chosen": "Keine Frage gewählt",
    "Still missing": "Es fehlen",
    "Have voted": "Haben abgestimmt",
    "%1 of %2 sites have voted": "%1 von %2 Standorten haben abgestimmt",
    "Still missing (%1)": "Es fehlen (%1)",
    "Have voted (%1)": "Haben abgestimmt (%1)",
    "entered by the moderator": "eingetragen durch Moderation",
    # countdown
    "Shorten the countdown": "Countdown verkürzen",
    "Extend the countdown": "Countdown verlängern",
    "Close at zero": "Bei null schließen",
    "Close the question automatically when the time is up": (
        "Die Abstimmung automatisch schließen, wenn die Zeit abgelaufen ist"
    ),
    "Time left": "Restzeit",
    # exports
    "This export is not available in this installation.": (
        "Dieser Export ist in dieser Installation nicht verfügbar."
    ),
    "Saved: %1": "Gespeichert: %1",
    "Export protocol": "Protokoll exportieren",
    "PDF protocol (*.pdf)": "PDF-Protokoll (*.pdf)",
    "Export results": "Ergebnisse exportieren",
    "CSV table (*.csv)": "CSV-Tabelle (*.csv)",
    "Excel workbook (*.xlsx)": "Excel-Arbeitsmappe (*.xlsx)",
    "JSON (*.json)": "JSON (*.json)",
    "Export attendance list": "Anwesenheitsliste exportieren",
    "Save chart as": "Diagramm speichern unter",
    "Choose a question first.": "Bitte zuerst eine Frage wählen.",
    "PNG image, 300 dpi (*.png)": "PNG-Bild, 300 dpi (*.png)",
    "SVG vector graphic (*.svg)": "SVG-Vektorgrafik (*.svg)",
    # finding kinds
    "SNV": "SNV",
    "Indel": "Indel",
    "CNV": "CNV",
    "Fusion": "Fusion",
    "Expression": "Expression",
    "Signature": "Signatur",
    "Germline": "Keimbahn",
    "Other": "Sonstiges",
    # library
    "sites": "Standorte",
    "Conferences": "Konferenzen",
    "No conference yet. Create one, import case packages, or open the demo conference.": (
        "Noch keine Konferenz. Legen Sie eine an, importieren Sie Fallpakete "
        "oder öffnen Sie die Demo-Konferenz."
    ),
    "&Open": "Ö&ffnen",
    "&New conference…": "&Neue Konferenz …",
    "&Import case packages…": "Fallpakete &importieren …",
    "Open the &demo conference": "&Demo-Konferenz öffnen",
    "De&lete…": "&Löschen …",
    # links
    "Voting links of the sites": "Abstimmungslinks der Standorte",
    "Each link lets one site vote. Send it only to that site; do not share this window.": (
        "Jeder Link lässt genau einen Standort abstimmen. Nur an diesen Standort senden; "
        "dieses Fenster nicht teilen."
    ),
    "Link": "Link",
    "Copy all links": "Alle Links kopieren",
    "Address:": "Adresse:",
    "Copy link": "Link kopieren",
    # live actions
    "&Open voting": "Abstimmung ö&ffnen",
    "Open the question for voting": "Die Frage zur Abstimmung öffnen",
    "&Close voting": "Abstimmung &schließen",
    "Close the question; later ballots are refused": (
        "Die Abstimmung schließen; spätere Stimmen werden abgelehnt"
    ),
    "&Show result": "&Ergebnis zeigen",
    "Show the result to the sites and on the presenter view": (
        "Das Ergebnis den Standorten und in der Präsentationsansicht zeigen"
    ),
    "&Hide result": "Ergebnis &verbergen",
    "&Next question": "&Weiter",
    "&Previous question": "&Zurück",
    "Re&open voting…": "&Wieder öffnen …",
    "Repeat as round &2…": "Als Runde &2 wiederholen …",
    "&Enter vote for site…": "Stimme für Standort ein&tragen …",
    "&Attendance check-in…": "&Anwesenheit erfassen …",
    "Voting &links and QR codes…": "Abstimmungs&links und QR-Codes …",
    "Presenter &view": "&Präsentationsansicht",
    "Start voting &server": "Abstimmungs&server starten",
    # console
    "Enter or double-click: make this the current question": (
        "Eingabe oder Doppelklick: diese Frage zur aktuellen machen"
    ),
    "Check-in…": "Erfassen …",
    "Links and QR codes…": "Links und QR-Codes …",
    "Presenter view": "Präsentationsansicht",
    "AGENDA": "AGENDA",
    "Attendance": "Anwesenheit",
    "Voting server": "Abstimmungsserver",
    "CASE %1": "FALL %1",
    "Question %1": "Frage %1",
    "(round %1)": "(Runde %1)",
    "No current question. Press “Next question” to begin.": (
        "Keine aktuelle Frage. Mit „Weiter“ beginnen."
    ),
    "%1 attendees": "%1 Teilnehmende",
    "Result — visible to the sites": "Ergebnis — für die Standorte sichtbar",
    "Live result — only you see it until “Show result”": (
        "Live-Ergebnis — nur Sie sehen es bis „Ergebnis zeigen“"
    ),
    "● VOTING OPEN": "● ABSTIMMUNG OFFEN",
    "✔ CLOSED": "✔ GESCHLOSSEN",
    "○ NOT YET OPENED": "○ NOCH NICHT GEÖFFNET",
    "result shown": "Ergebnis sichtbar",
    "End of the agenda": "Ende der Agenda",
    "● Server running": "● Server läuft",
    "Stop voting &server": "Abstimmungs&server stoppen",
    "Server starting …": "Server startet …",
    "Server stopping …": "Server hält an …",
    "More": "Mehr",
    "Hover a code for the site's full name": (
        "Den vollen Namen zeigt der Mauszeiger über dem Kürzel"
    ),
    "Server not running: %1": "Server läuft nicht: %1",
    "○ Server stopped": "○ Server gestoppt",
    "%1 of %2 sites have not voted yet:": "%1 von %2 Standorten haben noch nicht abgestimmt:",
    "Close the voting anyway?": "Die Abstimmung trotzdem schließen?",
    "Close voting": "Abstimmung schließen",
    "Show result": "Ergebnis zeigen",
    "The voting is still open. Sites that have not voted yet will see the result. "
    "Show it anyway?": (
        "Die Abstimmung ist noch offen. Standorte, die noch nicht abgestimmt haben, sehen "
        "dann das Ergebnis. Trotzdem zeigen?"
    ),
    "Reopen voting": "Abstimmung wieder öffnen",
    "Open the voting on this question again? The result is hidden until you show it again.": (
        "Die Abstimmung zu dieser Frage wieder öffnen? Das Ergebnis ist verborgen, bis Sie es "
        "erneut zeigen."
    ),
    "Reopen": "Wieder öffnen",
    "Repeat as round 2": "Als Runde 2 wiederholen",
    "Create round 2 of this question? Round 1 keeps its votes; round 2 starts empty.": (
        "Runde 2 dieser Frage anlegen? Runde 1 behält ihre Stimmen; Runde 2 beginnt leer."
    ),
    "Create round 2": "Runde 2 anlegen",
    "Choose question": "Frage wählen",
    "Question %1 is still open; close it first.": (
        "Frage %1 ist noch offen; bitte zuerst schließen."
    ),
    "Stop voting server": "Abstimmungsserver stoppen",
    "Sites can no longer vote while the server is stopped. Stop it?": (
        "Solange der Server gestoppt ist, können die Standorte nicht abstimmen. Stoppen?"
    ),
    "Stop server": "Server stoppen",
    "Port ": "Port ",
    "Port of the voting server; change it if the port is in use": (
        "Port des Abstimmungsservers; ändern, wenn der Port belegt ist"
    ),
    # session
    "Hide result": "Ergebnis verbergen",
    "Round 2": "Runde 2",
    # main window
    "Keys": "Tasten",
    "Action": "Aktion",
    "Opening the database …": "Datenbank wird geöffnet …",
    "The database cannot be opened:\n%1": "Die Datenbank lässt sich nicht öffnen:\n%1",
    "Welcome to Votum": "Willkommen bei Votum",
    "There is no conference yet. Open the demo conference to see the whole flow "
    "(preparation, live voting, presenter view)?": (
        "Es gibt noch keine Konferenz. Die Demo-Konferenz öffnen, um den ganzen Ablauf zu "
        "sehen (Vorbereitung, Live-Abstimmung, Präsentationsansicht)?"
    ),
    "Open the demo": "Demo öffnen",
    "&File": "&Datei",
    "Conference &library": "Konferenz&bibliothek",
    "&Close conference": "Konferenz &schließen",
    "&Merge case packages into a new conference…": (
        "Fallpakete zu neuer Konferenz &zusammenführen …"
    ),
    "&Export case package…": "Fallpaket &exportieren …",
    "Export &protocol (PDF)…": "&Protokoll exportieren (PDF) …",
    "Export &results (CSV, XLSX, JSON)…": "E&rgebnisse exportieren (CSV, XLSX, JSON) …",
    "Export &attendance list (CSV)…": "&Anwesenheitsliste exportieren (CSV) …",
    "Save &chart as…": "&Diagramm speichern unter …",
    "&Quit": "&Beenden",
    "&Edit": "&Bearbeiten",
    "&Undo": "&Rückgängig",
    "&Redo": "&Wiederholen",
    "&Live": "&Live",
    "&View": "&Ansicht",
    "&Preparation": "&Vorbereitung",
    "&Live console": "&Live-Konsole",
    "&Language": "&Sprache",
    "&Appearance": "&Erscheinungsbild",
    "Follow the system": "Wie das System",
    "Light": "Hell",
    "Dark": "Dunkel",
    "&Full screen": "&Vollbild",
    "&Help": "&Hilfe",
    "&Keyboard shortcuts": "&Tastenkürzel",
    "&About Votum": "&Über Votum",
    "Open &log file": "&Protokolldatei öffnen",
    "%1 checked in by ballot": "%1 durch Stimmabgabe eingecheckt",
    (
        "Ballots are NOT being stored: %1. The sites are asked to vote again. "
        "Free disk space or check the database file; storing resumes by itself."
    ): (
        "Stimmen werden NICHT gespeichert: %1. Die Standorte werden gebeten, erneut "
        "abzustimmen. Speicherplatz freigeben oder die Datenbankdatei prüfen; danach wird "
        "von selbst wieder gespeichert."
    ),
    "Row %1: EFN “%2”: %3 – kept, marked “invalid EFN” on the CME list": (
        "Zeile %1: EFN „%2“: %3 – übernommen, auf der CME-Liste als „EFN ungültig“ markiert"
    ),
    "15 digits expected": "15 Ziffern erwartet",
    "must start with %1": "muss mit %1 beginnen",
    "check digit wrong": "Prüfziffer falsch",
    "Names (%1, %2 invalid EFN)…": "Namen (%1, %2 EFN ungültig)…",
    "Open log file": "Protokolldatei öffnen",
    "No program could open the log file. It is here:\n%1": (
        "Kein Programm konnte die Protokolldatei öffnen. Sie liegt hier:\n%1"
    ),
    "Start the live session": "Live-Sitzung beginnen",
    "Open conference": "Konferenz öffnen",
    "Close conference": "Konferenz schließen",
    "The voting server is running. Close the conference and stop the server?": (
        "Der Abstimmungsserver läuft. Konferenz schließen und Server stoppen?"
    ),
    "Close and stop": "Schließen und stoppen",
    "Delete conference": "Konferenz löschen",
    "Delete “%1” with all cases, votes and notes? This cannot be undone.": (
        "„%1“ mit allen Fällen, Stimmen und Notizen löschen? Das lässt sich nicht "
        "rückgängig machen."
    ),
    "Delete": "Löschen",
    "Keyboard shortcuts": "Tastenkürzel",
    "About Votum": "Über Votum",
    "Votum %1 — live voting for the joint sessions of molecular tumor boards.": (
        "Votum %1 — Live-Abstimmung für die gemeinsamen Sitzungen molekularer Tumorboards."
    ),
    # new conference / site
    "New conference": "Neue Konferenz",
    "e.g. KRAS-mutated pancreatic cancer": "z. B. KRAS-mutiertes Pankreaskarzinom",
    "New site": "Neuer Standort",
    "&Name": "&Name",
    "&Code": "&Kürzel",
    "C&ity": "S&tadt",
    "&E-mail": "&E-Mail",
    # notes
    "Discussion notes for the protocol …": "Diskussionsnotizen für das Protokoll …",
    "Notes on the question": "Notizen zur Frage",
    "Notes on the case": "Notizen zum Fall",
    "saved %1": "gespeichert %1",
    "not yet saved": "noch nicht gespeichert",
    # packages
    "Order of the case packages": "Reihenfolge der Fallpakete",
    "Move &up": "Nach &oben",
    "Move &down": "Nach &unten",
    "The cases are added in this order (drag to change it):": (
        "Die Fälle werden in dieser Reihenfolge übernommen (zum Ändern ziehen):"
    ),
    "Case packages (*.votum.json *.json);;All files (*)": (
        "Fallpakete (*.votum.json *.json);;Alle Dateien (*)"
    ),
    "Import case packages": "Fallpakete importieren",
    "Case package not imported": "Fallpaket nicht importiert",
    "Nothing was imported:": "Es wurde nichts importiert:",
    "Case packages imported": "Fallpakete importiert",
    "%1 cases imported from %2 files.": "%1 Fälle aus %2 Dateien importiert.",
    "Export case package": "Fallpaket exportieren",
    "Case package not exported": "Fallpaket nicht exportiert",
    # editor
    "Conference": "Konferenz",
    "Sites": "Standorte",
    "Cases and questions": "Fälle und Fragen",
    "New case": "Neuer Fall",
    "New question": "Neue Frage",
    "Drag cases and questions to reorder them.": ("Fälle und Fragen zum Umsortieren ziehen."),
    "Choose a case or a question on the left, or create a new case.": (
        "Links einen Fall oder eine Frage wählen oder einen neuen Fall anlegen."
    ),
    "All changes saved %1": "Alle Änderungen gespeichert %1",
    "Changes are saved as you type; Ctrl+Z undoes them.": (
        "Änderungen werden beim Tippen gespeichert; Strg+Z macht sie rückgängig."
    ),
    "Not saved": "Nicht gespeichert",
    "Edit conference": "Konferenz bearbeiten",
    "Edit case": "Fall bearbeiten",
    "Edit question": "Frage bearbeiten",
    "Choose the case the question belongs to.": "Bitte den Fall wählen, zu dem die Frage gehört.",
    "Delete case": "Fall löschen",
    "Delete case %1 with its questions?": "Fall „%1“ mit seinen Fragen löschen?",
    "Delete question": "Frage löschen",
    "Delete question %1?": "Frage %1 löschen?",
    "Move": "Verschieben",
    # question form
    "Kind, options and abstain are fixed once the question has been opened; "
    "the sentence parts can still be corrected.": (
        "Art, Optionen und „Enthaltung“ sind fest, sobald die Frage geöffnet wurde; "
        "die Satzteile lassen sich weiter korrigieren."
    ),
    "Option": "Option",
    "Sentence (German)": "Satzteil (deutsch)",
    "Sentence (English)": "Satzteil (englisch)",
    'The sentences finish "15 % of sites …" in the manuscript sentence': (
        "Die Satzteile vervollständigen „15 % der Standorte …“ im Manuskriptsatz"
    ),
    "Add option": "Option hinzufügen",
    "Remove option": "Option entfernen",
    "Sites answer in their own words; there are no options.": (
        "Die Standorte antworten in eigenen Worten; es gibt keine Optionen."
    ),
    'Offer "abstain"': "„Enthaltung“ anbieten",
    "Abstentions are shown apart and left out of the percentages": (
        "Enthaltungen werden getrennt gezeigt und nicht in die Prozente gerechnet"
    ),
    " s": " s",
    "Countdown in the live console; – for none": "Countdown in der Live-Konsole; – für keinen",
    "&Question": "&Frage",
    "&Kind": "&Art",
    "Options": "Optionen",
    "&Duration": "&Dauer",
    "round %1": "Runde %1",
    "The question needs a text": "Die Frage braucht einen Text",
    "Give at least two options": "Mindestens zwei Optionen angeben",
    "The options must be different": "Die Optionen müssen verschieden sein",
    "The chart appears here.": "Hier erscheint das Diagramm.",
    # sites
    "Invited": "Eingeladen",
    "Code": "Kürzel",
    "City": "Stadt",
    "E-mail": "E-Mail",
    "New site…": "Neuer Standort …",
    "Invite all": "Alle einladen",
    "%1 of %2 sites invited": "%1 von %2 Standorten eingeladen",
    "Invite site": "Standort einladen",
    "Withdraw invitation": "Einladung zurückziehen",
    "Edit site": "Standort bearbeiten",
    # messages
    "File or folder not found: %1": "Datei oder Ordner nicht gefunden: %1",
    "No permission to access %1": "Keine Berechtigung für %1",
    "The disk is full; %1 was not written": "Der Datenträger ist voll; %1 wurde nicht geschrieben",
    "%1 is on a read-only disk": "%1 liegt auf einem schreibgeschützten Datenträger",
    "%1 is a folder, not a file": "%1 ist ein Ordner, keine Datei",
    "A folder in %1 is a file": "Ein Ordner in %1 ist eine Datei",
    "%1 cannot be read or written (error %2)": (
        "%1 lässt sich nicht lesen oder schreiben (Fehler %2)"
    ),
    # validation
    "Unknown kind “%1”": "Unbekannte Art „%1“",
    "VAF must be a number between 0 and 100": "VAF muss eine Zahl zwischen 0 und 100 sein",
    "At most %1 characters": "Höchstens %1 Zeichen",
    "Must not be empty": "Darf nicht leer sein",
    "At most %1 entries": "Höchstens %1 Einträge",
    "At least %1 entries": "Mindestens %1 Einträge",
    "At least %1": "Mindestens %1",
    "At most %1": "Höchstens %1",
    "Must be a whole number": "Muss eine ganze Zahl sein",
    "Must be a number": "Muss eine Zahl sein",
    "Not one of the allowed values": "Keiner der erlaubten Werte",
    "A free-text question has no options": "Eine Freitextfrage hat keine Optionen",
    "%1 is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), c.35G>A, exon 19 deletion)": (
        "%1 hat nicht die HGVS-Form (z. B. p.G12D, p.(Gly12Asp), c.35G>A, Exon-19-Deletion)"
    ),
    "The image data is damaged": "Die Bilddaten sind beschädigt",
    # workspace
    "Preparation": "Vorbereitung",
    "Starting the live console …": "Live-Konsole startet …",
    "Live": "Live",
    # live console: skipping a question
    "S&kip question…": "Frage &überspringen …",
    "Skip question": "Frage überspringen",
    "Skip a question that was not asked, with a reason": (
        "Eine nicht gestellte Frage überspringen, mit Begründung"
    ),
    "↷ SKIPPED": "↷ ÜBERSPRUNGEN",
    "Why is question %1 skipped? The protocol reports it as not asked, with this reason.": (
        "Warum wird Frage %1 übersprungen? Das Protokoll nennt sie als nicht gestellt, "
        "mit diesem Grund."
    ),
    # poll report import
    "Import po&ll report…": "Umfrage&bericht importieren …",
    "Import poll report": "Umfragebericht importieren",
    "Choose file…": "Datei wählen …",
    "Automatic (Zoom if recognised)": "Automatisch (Zoom, wenn erkannt)",
    "Zoom poll report": "Zoom-Umfragebericht",
    "Plain CSV (participant, question, answer)": "Einfache CSV (Teilnehmer, Frage, Antwort)",
    "Columns of a plain CSV: participant, question, answer[, time]": (
        "Spalten einer einfachen CSV: Teilnehmer, Frage, Antwort[, Zeit]"
    ),
    "Store the totals as counted by the call": (
        "Summen als „von der Videokonferenz gezählt“ speichern"
    ),
    "Participant": "Teilnehmer/in",
    "Rule": "Regel",
    "Poll question": "Frage der Umfrage",
    "Match": "Zuordnung",
    "Question": "Frage",
    "Confirmed": "Bestätigt",
    "Resolution": "Entscheidung",
    "Participants": "Teilnehmende",
    "Questions": "Fragen",
    "Conflicts": "Konflikte",
    "Conflicts (%1)": "Konflikte (%1)",
    "Ballots to store": "Zu speichernde Stimmen",
    "Import": "Importieren",
    "F&ormat": "F&ormat",
    "CSV &columns": "CSV-&Spalten",
    "&Round": "&Runde",
    "Poll reports (*.csv *.txt)": "Umfrageberichte (*.csv *.txt)",
    "%1 answers to %2 questions, %3 ballots to store": (
        "%1 Antworten auf %2 Fragen, %3 Stimmen zu speichern"
    ),
    "%1 participants match no site": "%1 Teilnehmende ohne Standort",
    "%1 earlier submissions replaced by a later one (the last counts)": (
        "%1 frühere Antworten durch spätere ersetzt (die letzte zählt)"
    ),
    "Anonymous poll: no ballots per site; only the totals can be stored, as counted by the call": (
        "Anonyme Umfrage: keine Stimmen je Standort; nur die Summen lassen sich speichern, "
        "als „von der Videokonferenz gezählt“"
    ),
    "table": "Tabelle",
    "e-mail domain": "E-Mail-Domain",
    "name": "Name",
    "no site": "kein Standort",
    "ambiguous: %1": "mehrdeutig: %1",
    "same text": "gleicher Text",
    "similar (%1 %) — please confirm": "ähnlich (%1 %) – bitte bestätigen",
    "chosen": "gewählt",
    "not imported": "nicht importiert",
    "— not imported —": "— nicht importiert —",
    "— choose —": "— bitte wählen —",
    "Count the site as abstaining": "Standort als Enthaltung werten",
    "abstained": "enthalten",
    "valid answers": "gültige Antworten",
    "counted by the call": "von der Videokonferenz gezählt",
    "E-mail domains": "E-Mail-Domains",
    "E-mail domain": "E-Mail-Domain",
    # a call poll's totals on the live console
    "Counted by the video call (anonymous poll): no sites, so not in the chart and without a "
    "consensus class": (
        "Von der Videokonferenz gezählt (anonyme Umfrage): ohne Standorte, daher nicht im "
        "Diagramm und ohne Konsensstärke"
    ),
    "valid answers: %1 · abstentions: %2": "gültige Antworten: %1 · Enthaltungen: %2",
    "Round %1: ": "Runde %1: ",
}


def update() -> list[str]:
    """Run lupdate, fill the catalogue; returns the texts that are still missing."""
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "lupdate"), "-no-obsolete", "-source-language", "en", "-target-language",
         "de", *sources, "-ts", str(TS)],
        check=True, capture_output=True,
    )  # fmt: skip
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            german = CONTEXT.get((name, source), DE.get(source))
            if german is None:
                missing.append(f"{name}: {source}")
                continue
            translation.text = german
            translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(BIN / "lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )
    return missing


if __name__ == "__main__":
    gaps = update()
    for gap in gaps:
        print(f"untranslated: {gap}")
    print(f"wrote {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    sys.exit(1 if gaps else 0)
