<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>@default</name>
    <message>
        <location filename="../../img_qgis_plugin/background.py" line="1"/>
        <source>Achtergrondkaart (PDOK)</source>
        <translation>Background map (PDOK)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/background.py" line="1"/>
        <source>geen antwoord binnen {seconds} s</source>
        <translation>no answer within {seconds} s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/background.py" line="1"/>
        <source>Achtergrondkaart niet toegevoegd: de dienst is niet bereikbaar ({reason}). De kaart werkt zonder achtergrond.</source>
        <translation>Background map not added: the service cannot be reached ({reason}). The map works without a background.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/background.py" line="1"/>
        <source>geen bruikbare kaartlaag</source>
        <translation>no usable map layer</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/background.py" line="1"/>
        <source>Achtergrondkaart niet toegevoegd: de dienst gaf geen bruikbare kaart ({reason}). De kaart werkt zonder achtergrond.</source>
        <translation>Background map not added: the service returned no usable map ({reason}). The map works without a background.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="1"/>
        <source>Achtergrondkaart (PDOK BRT, grijs)</source>
        <translation>Background map (PDOK BRT, grey)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="1"/>
        <source>Toont de grijze BRT-Achtergrondkaart van PDOK onder de kaartlagen, als de dienst bereikbaar is (via de netwerk- en proxy-instellingen van QGIS).</source>
        <translation>Shows PDOK's grey BRT background map under the map layers when the service can be reached (through QGIS's network and proxy settings).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="1"/>
        <source>Er is een andere opslag geopend; wat hier stond hoorde bij de vorige en is leeggemaakt.</source>
        <translation>Another store was opened; what was shown here belonged to the previous one and has been cleared.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="1"/>
        <source>De opslag is gesloten; wat hier stond is leeggemaakt.</source>
        <translation>The store was closed; what was shown here has been cleared.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="1"/>
        <source>De kaartlagen van de opslag zijn uit het project verwijderd; wat hier stond is leeggemaakt. Open de opslag opnieuw om weer op de kaart te werken.</source>
        <translation>The store's map layers were removed from the project; what was shown here has been cleared. Open the store again to work on the map.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="1"/>
        <source>Een venster kon de opslag niet volgen</source>
        <translation>A window could not follow the store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="1"/>
        <source>De opslag of het object is gewisseld terwijl het overdrachtvenster open stond; de overdracht is niet vastgelegd.</source>
        <translation>The store or the object changed while the hand-off window was open; the hand-off was not saved.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/locator.py" line="1"/>
        <source>Dit zoekresultaat hoort bij een eerder geopende opslag; zoek opnieuw.</source>
        <translation>This search result belongs to a store opened earlier; search again.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="132"/>
        <source>Coördinatenstelsel, alleen als het kaartbestand er geen (juist) noemt</source>
        <translation>Coordinate reference system, only when the map file names none (or a wrong one)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_dialog.py" line="56"/>
        <source>Object: {object_id}</source>
        <translation>Object: {object_id}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_dialog.py" line="89"/>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="29"/>
        <source>Suggestie: overweeg een overdracht aan {target}.</source>
        <translation>Suggestion: consider a hand-off to {target}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="29"/>
        <source>Suggestie: overweeg een overdracht.</source>
        <translation>Suggestion: consider a hand-off.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="39"/>
        <source>Dit is een hint; de beslissing ligt bij u.</source>
        <translation>This is a hint; the decision is yours.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="58"/>
        <source>Overdragen aan IVS/CBS…</source>
        <translation>Hand off to IVS/CBS…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="62"/>
        <source>Voor dit object is nog geen overdracht vastgelegd.</source>
        <translation>No hand-off has been recorded for this object yet.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="89"/>
        <source>{target} – {status} (versie {version})</source>
        <translation>{target} – {status} (version {version})</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="97"/>
        <source>Indiener: {who}</source>
        <translation>Submitter: {who}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="97"/>
        <source>Reden: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="122"/>
        <source>Status wijzigen naar &apos;{status}&apos;</source>
        <translation>Change status to '{status}'</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="139"/>
        <source>Geen geschiedenis vastgelegd.</source>
        <translation>No history recorded.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="148"/>
        <source>Geschiedenis:</source>
        <translation>History:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/i18n.py" line="27"/>
        <source>nl</source>
        <comment>language code of this translation: en for English</comment>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/verdict_card.py" line="35"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="150"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="150"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="66"/>
        <source>Mijnbouwschade – object</source>
        <translation>Mining damage – object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="111"/>
        <source>Peildatum:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="79"/>
        <source>Oordelen gelden op deze datum; latere feiten tellen niet.</source>
        <translation>Verdicts hold on this date; later facts do not count.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="91"/>
        <source>Kies een object op de kaart met het identificatiegereedschap.</source>
        <translation>Pick an object on the map with the identify tool.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="99"/>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="101"/>
        <source>Meldingen</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="118"/>
        <source>Bevingen</source>
        <translation>Quakes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Overdracht</source>
        <translation>Hand-off</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="153"/>
        <source>Adres(sen)</source>
        <translation>Address(es)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="155"/>
        <source>Kadastrale aanduiding</source>
        <translation>Cadastral designation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="152"/>
        <source>Object-id</source>
        <translation>Object id</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="156"/>
        <source>Bouwjaar</source>
        <translation>Construction year</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="157"/>
        <source>Gebruik</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="158"/>
        <source>WOZ-waarde</source>
        <translation>WOZ value</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="159"/>
        <source>Rijksmonument</source>
        <translation>National monument</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="35"/>
        <source>Vaste vergoeding</source>
        <translation>Fixed compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="140"/>
        <source>Nieuwe melding na finaal besluit</source>
        <translation>New claim after final decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="145"/>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="170"/>
        <source>Kaartstatus</source>
        <translation>Map status</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="40"/>
        <source>Duurzaam herstel</source>
        <translation>Duurzaam herstel</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_features.py" line="22"/>
        <source>Nulmeting</source>
        <translation>Baseline survey</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="196"/>
        <source>Mijnbouwschade – object {id}</source>
        <translation>Mining damage – object {id}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="223"/>
        <source>Geen oordeel beschikbaar</source>
        <translation>No verdict available</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="239"/>
        <source>Nulmeting nodig</source>
        <translation>Baseline survey needed</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="239"/>
        <source>Geen nulmeting nodig</source>
        <translation>No baseline survey needed</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="239"/>
        <source>Onbepaald</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="242"/>
        <source>Komt in aanmerking</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="242"/>
        <source>Komt niet in aanmerking</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="242"/>
        <source>Onbepaald: gegevens ontbreken</source>
        <translation>Undetermined: data missing</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="249"/>
        <source>Bedrag: {amount}</source>
        <translation>Amount: {amount}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="256"/>
        <source>Heropend door: {events}</source>
        <translation>Reopened by: {events}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="260"/>
        <source>Geblokkeerd door: {what}</source>
        <translation>Blocked by: {what}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="36"/>
        <source>Aanvullende vaste vergoeding</source>
        <translation>Supplementary fixed compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="37"/>
        <source>Maatwerk</source>
        <translation>Custom assessment (maatwerk)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="38"/>
        <source>Herstel met eigen aannemer (HEA)</source>
        <translation>Repair with own contractor (HEA)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="39"/>
        <source>Herstel met aannemer IMG (HAI)</source>
        <translation>Repair with IMG contractor (HAI)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="41"/>
        <source>Vaste herhaalvergoeding</source>
        <translation>Fixed repeat compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="42"/>
        <source>Immateriële schade (IMS)</source>
        <translation>Immaterial damage (IMS)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="43"/>
        <source>Waardedaling</source>
        <translation>Loss of value</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="44"/>
        <source>Acuut onveilige situatie (AOS)</source>
        <translation>Acutely unsafe situation (AOS)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="52"/>
        <source>afgehandeld {date}</source>
        <translation>settled {date}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="53"/>
        <source>loopt</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="65"/>
        <source>≥ {value} mm/s</source>
        <translation>≥ {value} mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="66"/>
        <source>&gt; {value} mm/s na finaal besluit</source>
        <translation>&gt; {value} mm/s after final decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="179"/>
        <source>Regeling</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="180"/>
        <source>Ingediend</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="181"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="234"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="183"/>
        <source>Bedrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="184"/>
        <source>Finaal</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="185"/>
        <source>Bezwaar</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="123"/>
        <source>Langlopend</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="211"/>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="166"/>
        <source>ML</source>
        <translation>ML</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="213"/>
        <source>Afstand (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="214"/>
        <source>PGV (mm/s)</source>
        <translation>PGV (mm/s)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="169"/>
        <source>Markering</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/pgv_chart.py" line="37"/>
        <source>PGV per beving (mm/s, logaritmische schaal)</source>
        <translation>PGV per quake (mm/s, logarithmic scale)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/pgv_chart.py" line="109"/>
        <source>Geen bevingen boven de ondergrens</source>
        <translation>No quakes above the floor</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/pgv_chart.py" line="135"/>
        <source>mm/s</source>
        <translation>mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="29"/>
        <source>Grootste horizontale component</source>
        <translation>Larger horizontal component</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="30"/>
        <source>Geometrisch gemiddelde</source>
        <translation>Geometric mean</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="31"/>
        <source>Maximaal geroteerde component</source>
        <translation>Maximum rotated component</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="38"/>
        <source>Vaste waarde ({value} m/s)</source>
        <translation>Fixed value ({value} m/s)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="63"/>
        <source>Aanname: de bronnen noemen niet welke component IMG gebruikt. Standaard: de grootste horizontale component bij {p} % overschrijdingskans.</source>
        <translation>Assumption: the sources do not say which component IMG uses. Default: the larger horizontal component at {p}% exceedance probability.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="115"/>
        <source>Versies gekopieerd; plak ze in uw melding.</source>
        <translation>Versions copied; paste them into your report.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="103"/>
        <source>Mijnbouwschade</source>
        <translation>Mining damage</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="248"/>
        <source>voldaan</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="248"/>
        <source>niet voldaan</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/verdict_card.py" line="55"/>
        <source>Voorwaarden tonen of verbergen</source>
        <translation>Show or hide conditions</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/verdict_card.py" line="110"/>
        <source>Geen voorwaarden bekend.</source>
        <translation>No conditions known.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="121"/>
        <source>Objectpaneel tonen</source>
        <translation>Show object panel</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="132"/>
        <source>Instellingen…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="133"/>
        <source>Over Mijnbouwschade…</source>
        <translation>About Mining damage…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="276"/>
        <source>Over Mijnbouwschade</source>
        <translation>About Mining damage</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="276"/>
        <source>Mijnbouwschade Groningen</source>
        <translation>Mining damage Groningen</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="160"/>
        <source>Samenloop (NCG)</source>
        <translation>Overlap with strengthening (NCG)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="69"/>
        <source>De opslag kon niet worden geopend</source>
        <translation>The store could not be opened</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="87"/>
        <source>Opslag geopend: {0}</source>
        <translation>Store opened: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="20"/>
        <source>Open eerst een opslag (menu Mijnbouwschade › Opslag openen…).</source>
        <translation>Open a store first (menu Mijnbouwschade › Open store…).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="170"/>
        <source>Overdracht {0} vastgelegd.</source>
        <translation>Hand-off {0} recorded.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="194"/>
        <source>object {0}</source>
        <translation>object {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="107"/>
        <source>Opslag openen (GeoPackage)…</source>
        <translation>Open store (GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="108"/>
        <source>Gedeelde opslag openen (PostGIS)…</source>
        <translation>Open shared store (PostGIS)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="114"/>
        <source>Object aanwijzen op de kaart</source>
        <translation>Identify object on the map</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="364"/>
        <source>Opslag openen</source>
        <translation>Open store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="27"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="375"/>
        <source>QGIS kent nog geen PostgreSQL-verbinding; maak er een aan in de Browser.</source>
        <translation>QGIS has no PostgreSQL connection yet; create one in the Browser.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="381"/>
        <source>Gedeelde opslag openen</source>
        <translation>Open shared store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="381"/>
        <source>Verbinding:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/store_layers.py" line="51"/>
        <source>Deze laag bevat {0} gegevens, geen officiële bron.</source>
        <translation>This layer holds {0} data, not an official source.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/store_layers.py" line="248"/>
        <source>Stijl {0} niet geladen: {1}</source>
        <translation>Style {0} not loaded: {1}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="122"/>
        <source>Dossier (PDF)…</source>
        <translation>Dossier (PDF)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="85"/>
        <source>Dossier van dit object als PDF opslaan</source>
        <translation>Save the dossier of this object as PDF</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="29"/>
        <source>Epicentrum (RD New): {x:.0f}, {y:.0f}</source>
        <translation>Epicentre (RD New): {x:.0f}, {y:.0f}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="72"/>
        <source>Scenario ML {ml} ({day})</source>
        <translation>Scenario ML {ml} ({day})</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="100"/>
        <source>Heropenen: {reopen}, nulmeting: {nulmeting}, nieuw in effectgebied: {new}</source>
        <translation>Reopen: {reopen}, baseline inspection: {nulmeting}, newly in effect area: {new}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="106"/>
        <source>{municipality}: heropenen {reopen}, nulmeting {nulmeting}, nieuw {new}</source>
        <translation>{municipality}: reopen {reopen}, baseline inspection {nulmeting}, new {new}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="30"/>
        <source>Scenario-beving</source>
        <translation>Scenario quake</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="126"/>
        <source>Startgebied plannen…</source>
        <translation>Plan start area…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="129"/>
        <source>Regionaal overzicht</source>
        <translation>Regional overview</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="93"/>
        <source>Opslag (GeoPackage, postgresql://… of postgres-connection:NAAM)</source>
        <translation>Store (GeoPackage, postgresql://… or postgres-connection:NAME)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="101"/>
        <source>Verslag (JSON)</source>
        <translation>Report (JSON)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="133"/>
        <source>Gestopt door de gebruiker; niets gewijzigd.</source>
        <translation>Stopped by the user; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="27"/>
        <source>Nieuwe opslag</source>
        <translation>New store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="32"/>
        <source>Aantal objecten</source>
        <translation>Number of objects</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="42"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="48"/>
        <source>Objecten</source>
        <translation>Objects</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="42"/>
        <source>Epicentrum</source>
        <translation>Epicentre</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="212"/>
        <source>Magnitude (ML)</source>
        <translation>Magnitude (ML)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="53"/>
        <source>Diepte (km)</source>
        <translation>Depth (km)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="63"/>
        <source>Datum (JJJJ-MM-DD, leeg is vandaag)</source>
        <translation>Date (YYYY-MM-DD, empty is today)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="68"/>
        <source>Getroffen objecten</source>
        <translation>Affected objects</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="84"/>
        <source>EPICENTRE: kies een punt op de kaart.</source>
        <translation>EPICENTRE: pick a point on the map.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="105"/>
        <source>{0}: heropenen {1}, nulmeting {2}, nieuw in effectgebied {3}</source>
        <translation>{0}: reopen {1}, baseline inspection {2}, newly in effect area {3}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_features.py" line="21"/>
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_features.py" line="23"/>
        <source>Nieuw in effectgebied</source>
        <translation>Newly in effect area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_features.py" line="24"/>
        <source>Overig ≥ 2 mm/s</source>
        <translation>Other ≥ 2 mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="76"/>
        <source>Bevingscatalogus</source>
        <translation>Earthquake catalogue</translation>
    </message>
    <message>
        <source>Tijdzone van tijden zonder zone (landelijke datumlijst, all_induced.csv; leeg = UTC)</source>
        <translation>Time zone of times without a zone (national date list, all_induced.csv; empty = UTC)</translation>
    </message>
    <message>
        <source>Catalogus dekt t/m (JJJJ-MM-DD; leeg = dag van de laatste beving)</source>
        <translation>Catalogue covers up to (YYYY-MM-DD; empty = day of the latest quake)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="129"/>
        <source>Alleen controleren, niets schrijven</source>
        <translation>Only check, write nothing</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="110"/>
        <source>Soort gegevens</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="115"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="116"/>
        <source>Soort gebied (alleen bij gebieden)</source>
        <translation>Kind of area (areas only)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="124"/>
        <source>Attribuut met de naam (gebieden)</source>
        <translation>Attribute holding the name (areas)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="143"/>
        <source>{0}: kies bij gebieden ook de soort gebied (AREA_KIND).</source>
        <translation>{0}: for areas, also choose the kind of area (AREA_KIND).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="193"/>
        <source>Omtrekken van de bronnen (optioneel)</source>
        <translation>Source outlines (optional)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="232"/>
        <source>Peildatum (JJJJ-MM-DD, leeg is vandaag)</source>
        <translation>As-of date (YYYY-MM-DD, empty is today)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="258"/>
        <source>{0}: &apos;{1}&apos; is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-01.</source>
        <translation>{0}: '{1}' is not a date; write YYYY-MM-DD, for example 2025-03-01.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="29"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="48"/>
        <source>Kies eerst een object (identificatiegereedschap of zoeken).</source>
        <translation>Choose an object first (identify tool or search).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="50"/>
        <source>Dossier opslaan</source>
        <translation>Save dossier</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="56"/>
        <source>Het dossier kon niet worden gemaakt</source>
        <translation>The dossier could not be made</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="58"/>
        <source>Dossier opgeslagen: {0}</source>
        <translation>Dossier saved: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="84"/>
        <source>Deze opslag heeft geen startgebieden.</source>
        <translation>This store has no start areas.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="86"/>
        <source>Startgebied plannen</source>
        <translation>Plan start area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="86"/>
        <source>Startgebied:</source>
        <translation>Start area:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="93"/>
        <source>Bezoeklijst opslaan</source>
        <translation>Save visit list</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="99"/>
        <source>De bezoeklijst kon niet worden gemaakt</source>
        <translation>The visit list could not be made</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="101"/>
        <source>Bezoeklijst opgeslagen: {0}</source>
        <translation>Visit list saved: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="150"/>
        <source>Kleur naar:</source>
        <translation>Colour by:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="239"/>
        <source>Het overzicht kon niet worden gemaakt</source>
        <translation>The overview could not be made</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="80"/>
        <source>Nr.: volgorde in de looproute; adressen op één plek delen één nummer op de kaart (4–5).</source>
        <translation>No.: order along the walking route; addresses at one place share one number on the map (4–5).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="81"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="82"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="83"/>
        <source>Situatie</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="84"/>
        <source>Reden van bezoek</source>
        <translation>Reason for the visit</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="92"/>
        <source>Startgebied</source>
        <translation>Start area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="98"/>
        <source>Bezoekadressen</source>
        <translation>Addresses to visit</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="136"/>
        <source>Looproute</source>
        <translation>Walking route</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="151"/>
        <source>Bladen</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="161"/>
        <source>Overzicht: {0} adressen te bezoeken (van {1} in het gebied); looproute {2} km (in adresvolgorde {3} km); peildatum {4}.</source>
        <translation>Overview: {0} addresses to visit (of {1} in the area); walking route {2} km (in address order {3} km); as of {4}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="177"/>
        <source>Bezoeklijst – blad {0} van {1}: adressen {2} t/m {3}</source>
        <translation>Visit list – sheet {0} of {1}: addresses {2} to {3}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="181"/>
        <source>Bezoeklijst – geen adressen te bezoeken.</source>
        <translation>Visit list – no addresses to visit.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="52"/>
        <source>Onbekende ontvanger &apos;{0}&apos;; kies uit: {1}.</source>
        <translation>Unknown recipient '{0}'; choose from: {1}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="93"/>
        <source>Dossier object {0}</source>
        <translation>Dossier object {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="95"/>
        <source>Peildatum {0} · ontvanger: {1} · opgemaakt {2} · personen pseudoniem</source>
        <translation>As of {0} · recipient: {1} · made {2} · persons pseudonymous</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="101"/>
        <source>Object en adres</source>
        <translation>Object and address</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="102"/>
        <source>Gegeven</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="102"/>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="113"/>
        <source>PGV per beving</source>
        <translation>PGV per quake</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="117"/>
        <source>Meldingen (schadehistorie)</source>
        <translation>Claims (damage history)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="119"/>
        <source>Oordelen met redenen</source>
        <translation>Verdicts with reasons</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="120"/>
        <source>Overdrachten en historie</source>
        <translation>Hand-offs and history</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="154"/>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="161"/>
        <source>Coördinaten (RD)</source>
        <translation>Coordinates (RD)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="164"/>
        <source>Eigenaar/gebruiker</source>
        <translation>Owner/user</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="178"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="186"/>
        <source>Termijn overschreden</source>
        <translation>Deadline exceeded</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="209"/>
        <source>Tijd (NL)</source>
        <translation>Time (NL)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="210"/>
        <source>Catalogus-id</source>
        <translation>Catalogue id</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="1"/>
        <source>De hele kaart ligt binnen: {0}.</source>
        <translation>The whole map lies within: {0}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="234"/>
        <source>Oordeel</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="234"/>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="259"/>
        <source>onbepaald</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="264"/>
        <source>let op</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="269"/>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="129"/>
        <source>Onbekende telling &apos;{0}&apos;; kies uit: {1}.</source>
        <translation>Unknown count '{0}'; choose from: {1}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="137"/>
        <source>Regionaal overzicht per gemeente (benadering)</source>
        <translation>Regional overview per municipality (approximation)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="164"/>
        <source>Benadering: gemeentevlakken zijn de convexe omhullende van de objecten per gemeente, geen officiële grenzen. Peildatum {0}.</source>
        <translation>Approximation: municipal areas are the convex hull of the objects per municipality, not official boundaries. As of {0}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="17"/>
        <source>Demo-opslag maken</source>
        <translation>Build a demo store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="18"/>
        <source>Opslag</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="70"/>
        <source>Getroffen objecten (≥ 2 mm/s)</source>
        <translation>Affected objects (≥ 2 mm/s)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="20"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="21"/>
        <source>Berekenen</source>
        <translation>Compute</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="24"/>
        <source>BAG (GeoPackage van PDOK)</source>
        <translation>BAG (GeoPackage from PDOK)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="24"/>
        <source>Kadastrale percelen (GML of GeoPackage)</source>
        <translation>Cadastral parcels (GML or GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="24"/>
        <source>Gebieden (shapefile, GeoJSON, GeoPackage)</source>
        <translation>Areas (shapefile, GeoJSON, GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="24"/>
        <source>Schadehistorie (CSV)</source>
        <translation>Claim history (CSV)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="24"/>
        <source>Eigendommen (CSV)</source>
        <translation>Ownerships (CSV)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="32"/>
        <source>Effectgebied</source>
        <translation>Effect area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="32"/>
        <source>Duurzaam herstel-gebied</source>
        <translation>Duurzaam herstel area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="32"/>
        <source>Diepe bodemdaling</source>
        <translation>Deep subsidence</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="32"/>
        <source>6 km-zone</source>
        <translation>6 km zone</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="65"/>
        <source>Bevingscatalogus importeren</source>
        <translation>Import earthquake catalogue</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="98"/>
        <source>Gegevens importeren</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="158"/>
        <source>Trillingen per object herberekenen</source>
        <translation>Recompute vibration per object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="183"/>
        <source>Gebieden herberekenen</source>
        <translation>Recompute areas</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="222"/>
        <source>Kaartstatus bepalen</source>
        <translation>Determine map status</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/demo_algorithm.py" line="19"/>
        <source>Maakt een GeoPackage met synthetische objecten, bevingen, eigenaren en schadehistorie om het product te leren kennen. Deterministisch: dezelfde seed geeft dezelfde opslag. Een bestaand bestand wordt pas vervangen als alles berekend is; annuleren laat het staan.</source>
        <translation>Builds a GeoPackage with synthetic objects, quakes, owners and claim history to get to know the product. Deterministic: the same seed gives the same store. An existing file is only replaced once everything is computed; cancelling leaves it in place.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="32"/>
        <source>Wat als er op dit punt een beving van magnitude ML komt? Telt per gemeente de objecten die heropend worden (besluit vóór de datum en PGV &gt; 5 mm/s), een nulmeting nodig hebben (PGV ≥ 5 mm/s) of nieuw in het effectgebied komen (PGV ≥ 2 mm/s), en maakt een puntlaag (RD New) van die objecten, met de contouren van 2 en 5 mm/s en het epicentrum als eigen lagen. Het epicentrum mag in elk CRS.</source>
        <translation>What if a quake of magnitude ML happened at this point? Counts per municipality the objects that would reopen (decision before the date and PGV &gt; 5 mm/s), need a baseline inspection (PGV ≥ 5 mm/s) or newly enter the effect area (PGV ≥ 2 mm/s), and makes a point layer (RD New) of those objects, with the 2 and 5 mm/s contours and the epicentre as layers of their own. The epicentre may be in any CRS.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="67"/>
        <source>Leest een KNMI-bevingscatalogus in de opslag en berekent daarna de trillingen per object, de gebieden en de kaartstatus opnieuw. Met &apos;Alleen controleren&apos; wordt niets geschreven. Een fout noemt bestand, regel en veld.</source>
        <translation>Reads a KNMI earthquake catalogue into the store, then recomputes the vibration per object, the areas and the map status. With 'Only check' nothing is written. An error names file, row and field.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="100"/>
        <source>Importeert BAG-objecten, kadastrale percelen, gebieden, schadehistorie of eigendommen in de opslag, in één transactie: een afgekeurd bestand laat de opslag zoals hij was en de melding noemt elk probleem met bestand, regel en veld. Voor gebieden kiest u ook de soort gebied.</source>
        <translation>Imports BAG objects, cadastral parcels, areas, claim history or ownerships into the store in one transaction: a rejected file leaves the store as it was and the message names every problem with file, row and field. For areas, also choose the kind of area.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="160"/>
        <source>Berekent voor elk object de trillingssnelheid (PGV) van elke opgeslagen beving en daarna de kaartstatus. Annuleren laat de opslag ongewijzigd.</source>
        <translation>Computes for every object the ground velocity (PGV) of every stored quake, then the map status. Cancelling leaves the store unchanged.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="185"/>
        <source>Berekent de 6 km-zone rond de gasvelden en de gebieden uit de opgeslagen bevingen opnieuw. Optioneel: eigen omtrekken van de bronnen (bestanden).</source>
        <translation>Recomputes the 6 km zone around the gas fields and the areas from the stored quakes. Optional: your own source outlines (files).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="224"/>
        <source>Past de regels toe op elk object en schrijft de kaartstatus, per peildatum (JJJJ-MM-DD; leeg is vandaag).</source>
        <translation>Applies the rules to every object and writes the map status, as of a date (YYYY-MM-DD; empty is today).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="149"/>
        <source>De scenariolaag kon niet aan het project worden toegevoegd.</source>
        <translation>The scenario layer could not be added to the project.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="129"/>
        <source>{0} (vervolg)</source>
        <translation>{0} (continued)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="50"/>
        <source>Tijdelijke kaartlaag {0} kon niet worden gemaakt.</source>
        <translation>Temporary map layer {0} could not be made.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="1"/>
        <source>{0}: pagina {1} houdt maar {2} rijen van een tabel van {3} pagina&apos;s</source>
        <translation>{0}: page {1} holds only {2} rows of a table of {3} pages</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="85"/>
        <source>Deur-tot-deur:</source>
        <translation>Door to door:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="86"/>
        <source>Bezoeklijst</source>
        <translation>Visit list</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="534"/>
        <source>kader</source>
        <translation>frame</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="609"/>
        <source>{0}: een woord is {1} mm breed, het vak {2} mm</source>
        <translation>{0}: a word is {1} mm wide, the box {2} mm</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="618"/>
        <source>{0}: de tekst heeft {1} mm hoogte nodig, het vak is {2} mm</source>
        <translation>{0}: the text needs {1} mm of height, the box is {2} mm</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="670"/>
        <source>{0}: kolom '{1}': '{2}' is {3} mm breed, de kolom {4} mm</source>
        <translation>{0}: column '{1}': '{2}' is {3} mm wide, the column {4} mm</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="683"/>
        <source>{0}: de rijen hebben {1} mm nodig, de kaders bieden {2} mm</source>
        <translation>{0}: the rows need {1} mm, the frames offer {2} mm</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="693"/>
        <source>{0}: de kolommen zijn {1} mm breed, het kader {2} mm</source>
        <translation>{0}: the columns are {1} mm wide, the frame {2} mm</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="710"/>
        <source>{0}: staat op geen enkele pagina</source>
        <translation>{0}: is on no page</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="716"/>
        <source>{0}: valt buiten pagina {1}</source>
        <translation>{0}: lies outside page {1}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="730"/>
        <source>{0} ligt over {1}</source>
        <translation>{0} lies over {1}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="778"/>
        <source>{0}: niet alles past op de pagina; controleer de PDF: {1}</source>
        <translation>{0}: not everything fits on the page; check the PDF: {1}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="97"/>
        <source>Taskforce Complexe Zaken</source>
        <translation>Taskforce Complexe Zaken</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="99"/>
        <source>Commissie Mijnbouwschade</source>
        <translation>Commissie Mijnbouwschade</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="270"/>
        <source>{0} (+{1} adressen)</source>
        <translation>{0} (+{1} addresses)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="304"/>
        <source>Achtergrond: {0}</source>
        <translation>Background: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="309"/>
        <source>Legenda</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="357"/>
        <source>Object {0}</source>
        <translation>Object {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="362"/>
        <source>(+{0} adressen)</source>
        <translation>(+{0} addresses)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="369"/>
        <source>Dit object</source>
        <translation>This object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/dossier.py" line="407"/>
        <source>Perceel van dit object</source>
        <translation>This object's parcel</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="100"/>
        <source>Bezoeklijst {0}</source>
        <translation>Visit list {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="143"/>
        <source>blad {0}</source>
        <translation>sheet {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="185"/>
        <source>Bezocht</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="186"/>
        <source>Niet thuis</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="187"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="353"/>
        <source>Bladindeling</source>
        <translation>Sheet index</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas.py" line="362"/>
        <source>Blad {0}</source>
        <translation>Sheet {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="346"/>
        <source>Verbonden als &apos;{0}&apos;: deze rol ziet gebieden en totalen, geen persoonsgegevens.</source>
        <translation>Connected as '{0}': this role sees areas and totals, no personal data.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="41"/>
        <source>Mijnbouwschade – startgebied</source>
        <translation>Mining damage – start area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="64"/>
        <source>Alle situaties</source>
        <translation>All situations</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="67"/>
        <source>Bezoeklijst maken</source>
        <translation>Make visit list</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="99"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="99"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="99"/>
        <source>Route (GeoPackage)…</source>
        <translation>Route (GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="184"/>
        <source>{0} adressen; looproute {1} km (in adresvolgorde {2} km).</source>
        <translation>{0} addresses; walking route {1} km (in address order {2} km).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="306"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="306"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="123"/>
        <source>Startgebied: bezoeklijst</source>
        <translation>Start area: visit list</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="118"/>
        <source>Scenario-beving: wat verandert er als deze beving komt?</source>
        <translation>Scenario quake: what changes if this quake happens?</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="131"/>
        <source>Epicentrum X (RD New):</source>
        <translation>Epicentre X (RD New):</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="132"/>
        <source>Epicentrum Y (RD New):</source>
        <translation>Epicentre Y (RD New):</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="135"/>
        <source>Datum van de beving</source>
        <translation>Date of the quake</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="136"/>
        <source>Met een scenario geldt de datum van de beving als peildatum.</source>
        <translation>With a scenario, the date of the quake is the reference date.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="215"/>
        <source>Bezig met tellen…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="225"/>
        <source>Tellen gestopt op verzoek.</source>
        <translation>Counting stopped on request.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="228"/>
        <source>Het overzicht kon niet worden gemaakt: {0}</source>
        <translation>The overview could not be made: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="247"/>
        <source>Peildatum {0}; {1} groepen.</source>
        <translation>Reference date {0}; {1} groups.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="317"/>
        <source>Overzicht opslaan</source>
        <translation>Save overview</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="327"/>
        <source>Het overzicht kon niet worden opgeslagen</source>
        <translation>The overview could not be saved</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="329"/>
        <source>Overzicht opgeslagen: {0}</source>
        <translation>Overview saved: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="168"/>
        <source>Gevolgen in regionaal overzicht</source>
        <translation>Consequences in the regional overview</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>Scenario-epicentrum ML {ml} ({day})</source>
        <translation>Scenario epicentre ML {ml} ({day})</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>scenario ML {ml}</source>
        <translation>scenario ML {ml}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>Scenario-contouren ML {ml} ({day})</source>
        <translation>Scenario contours ML {ml} ({day})</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>scenario {pgv} mm/s</source>
        <translation>scenario {pgv} mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>{title}: heropenen {reopen}, nulmeting {nulmeting}, nieuw {new}</source>
        <translation>{title}: reopen {reopen}, baseline inspection {nulmeting}, new {new}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_tool.py" line="1"/>
        <source>Wat verandert er</source>
        <translation>What changes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>Wat verandert er – {title}</source>
        <translation>What changes – {title}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>Per postcode (PC4)</source>
        <translation>Per postcode (PC4)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>Postcode (PC4)</source>
        <translation>Postcode (PC4)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="73"/>
        <source>Gebied tekenen</source>
        <translation>Draw area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="74"/>
        <source>Klik links voor elk hoekpunt, rechts of dubbel om te sluiten; Backspace haalt het laatste punt weg, Esc stopt.</source>
        <translation>Left-click for each corner, right-click or double-click to close; Backspace removes the last corner, Esc stops.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="99"/>
        <source>Atlas (PDF)…</source>
        <translation>Atlas (PDF)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="203"/>
        <source>Teken het gebied: links klikken per hoekpunt, rechts klikken om te sluiten.</source>
        <translation>Draw the area: left-click for each corner, right-click to close.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>{name} (getekend)</source>
        <translation>{name} (drawn)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Uw login mag in deze gedeelde opslag geen gebieden bewaren (alleen de eigenaar van de opslag mag dat).</source>
        <translation>Your login may not keep areas in this shared store (only the store's owner may).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>U gaf geen naam op.</source>
        <translation>You gave no name.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Het getekende gebied kon niet worden bewaard</source>
        <translation>The drawn area could not be kept</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Het getekende gebied is bewaard als startgebied '{name}'.</source>
        <translation>The drawn area was kept as start area '{name}'.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Getekend gebied bewaren</source>
        <translation>Keep the drawn area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Naam van het nieuwe startgebied (Annuleren: alleen in deze sessie gebruiken):</source>
        <translation>Name of the new start area (Cancel: use it in this session only):</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Getekend gebied {when}</source>
        <translation>Drawn area {when}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Het getekende gebied is niet bewaard; het geldt alleen in deze sessie.</source>
        <translation>The drawn area was not kept; it applies to this session only.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Getekend gebied (niet bewaard)</source>
        <translation>Drawn area (not kept)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Getekend gebied, alleen voor deze sessie (niet in de opslag bewaard)</source>
        <translation>Drawn area, for this session only (not kept in the store)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="1"/>
        <source>Volgorde in de looproute</source>
        <translation>Order along the walking route</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="1"/>
        <source>Object {id}</source>
        <translation>Object {id}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/actions.py" line="82"/>
        <source>Getekend gebied</source>
        <translation>Drawn area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_dock.py" line="316"/>
        <source>De bezoeklijst kon niet worden opgeslagen</source>
        <translation>The visit list could not be saved</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_draw.py" line="93"/>
        <source>Een gebied heeft minstens 3 hoekpunten; u heeft er {0} gezet. Klik links om punten toe te voegen en rechts om het gebied te sluiten.</source>
        <translation>An area needs at least 3 corners; you placed {0}. Left-click to add corners and right-click to close the area.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_draw.py" line="102"/>
        <source>De rand van het getekende gebied snijdt zichzelf. Haal punten weg met Backspace of begin opnieuw met Esc, en teken zonder kruisende lijnen.</source>
        <translation>The outline of the drawn area crosses itself. Remove corners with Backspace or start again with Esc, and draw without crossing lines.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/start_area_draw.py" line="112"/>
        <source>Het gebied kon niet naar RD New worden omgerekend: {0}</source>
        <translation>The area could not be transformed to RD New: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="74"/>
        <source>{0} – na scenario</source>
        <translation>{0} – after scenario</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="76"/>
        <source>{0} – verandering</source>
        <translation>{0} – change</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="139"/>
        <source>scenario ML {0}</source>
        <translation>scenario ML {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="170"/>
        <source>Scenario-beving ML {ml} op {date} bij {x:.0f}, {y:.0f} (RD New): after_* is de telling na de beving, delta_* de verandering.</source>
        <translation>Scenario quake ML {ml} on {date} at {x:.0f}, {y:.0f} (RD New): after_* is the count after the quake, delta_* the change.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="79"/>
        <source>De opslag is geopend, maar QGIS kon er geen kaartlaag uit laden. Controleer de inlog (authenticatie) en de leesrechten.</source>
        <translation>The store is open, but QGIS could not load a map layer from it. Check the login (authentication) and the read permissions.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="113"/>
        <source>Per gemeente</source>
        <translation>Per municipality</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="114"/>
        <source>Per postcodegebied (PC4)</source>
        <translation>Per postcode area (PC4)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="115"/>
        <source>Indeling:</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/overview_dialog.py" line="251"/>
        <source>Scenario ML {0}: {1} objecten bereikt, {2} groepen veranderen.</source>
        <translation>Scenario ML {0}: {1} objects reached, {2} groups change.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="135"/>
        <source>Regionaal overzicht per PC4 (benadering)</source>
        <translation>Regional overview per PC4 (approximation)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Regionaal overzicht per PC4</source>
        <translation>Regional overview per PC4</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Regionaal overzicht per gemeente</source>
        <translation>Regional overview per municipality</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Postcodevlakken (PC4) van het CBS uit {files}, jaar {years}.</source>
        <translation>CBS postcode areas (PC4) from {files}, year {years}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Gemeentegrenzen van het CBS uit {files}, jaar {years}.</source>
        <translation>CBS municipal boundaries from {files}, year {years}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>{n} objecten liggen buiten deze grenzen: ze staan in de tabel, niet op de kaart.</source>
        <translation>{n} objects lie outside these boundaries: they are in the table, not on the map.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Peildatum {0}.</source>
        <translation>As of {0}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>buiten de grenzen</source>
        <translation>outside the boundaries</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Gemeenten</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Postcodegebieden (PC4)</source>
        <translation>Postcode areas (PC4)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Wijken</source>
        <translation>Districts (wijken)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Buurten</source>
        <translation>Neighbourhoods (buurten)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>buiten de regio</source>
        <translation>outside the region</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>alleen water</source>
        <translation>water only</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Grenzenbestand lezen en controleren</source>
        <translation>Reading and checking the boundaries file</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Grenzen opslaan</source>
        <translation>Storing the boundaries</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Gebiedsgrenzen importeren (CBS/PDOK)</source>
        <translation>Import boundaries (CBS/PDOK)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Leest officiële gebiedsgrenzen uit een GeoPackage van het CBS: de gebiedsindelingen zoals PDOK ze publiceert (gemeenten, wijken, buurten), het postcode-4-bestand of de Wijk- en Buurtkaart. Alleen de vlakken rond Groningen worden bewaard. Heeft het bestand meer jaren, dan wordt het nieuwste genomen, tenzij u een jaar opgeeft. Het regionaal overzicht telt daarna per officiële grens in plaats van per benaderd vlak. De import vervangt de opgeslagen grenzen van dezelfde soort in één transactie; hetzelfde bestand nog eens importeren verandert niets.</source>
        <translation>Reads official boundaries from a CBS GeoPackage: the area divisions as PDOK publishes them (municipalities, districts, neighbourhoods), the postcode-4 file or the Wijk- en Buurtkaart. Only the areas around Groningen are kept. Where the file holds several years, the newest is taken unless you give a year. The regional overview then counts per official boundary instead of per approximated area. The import replaces the stored boundaries of the same kind in one transaction; importing the same file again changes nothing.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Grenzenbestand (GeoPackage)</source>
        <translation>Boundaries file (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Soorten (leeg: alle in het bestand)</source>
        <translation>Kinds (empty: all in the file)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Jaar van de indeling (leeg: het nieuwste in het bestand)</source>
        <translation>Year of the division (empty: the newest in the file)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/boundaries_algorithm.py" line="1"/>
        <source>Kies het grenzenbestand (FILE).</source>
        <translation>Choose the boundaries file (FILE).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="159"/>
        <source>Benadering: postcodevlakken zijn de convexe omhullende van de objecten per PC4, geen officiële grenzen; ze kunnen elkaar overlappen. Peildatum {0}.</source>
        <translation>Approximation: postcode areas are the convex hull of the objects per PC4, not official boundaries; they may overlap. As of {0}.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/tasks.py" line="62"/>
        <source>{0}: gestopt door de gebruiker.</source>
        <translation>{0}: stopped by the user.</translation>
    </message>
    <message>
        <source>Per object (eigen waarde van het object)</source>
        <translation>Per object (the object's own value)</translation>
    </message>
    <message>
        <source>Per postcodegebied (PC4-tabel)</source>
        <translation>Per postcode area (PC4 table)</translation>
    </message>
    <message>
        <source>Zoals QGIS</source>
        <translation>As QGIS</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Tabel met kolommen pc4,vs30_m_s</source>
        <translation>Table with columns pc4,vs30_m_s</translation>
    </message>
    <message>
        <source>PC4-tabel</source>
        <translation>PC4 table</translation>
    </message>
    <message>
        <source>De cijfers van deze opslag zijn berekend met: {stored}.
U koos: {wanted}.

De opslag nu herberekenen (trillingen, gebieden en statussen)? Dit kan even duren.</source>
        <translation>The figures of this store were computed with: {stored}.
You chose: {wanted}.

Recompute the store now (vibrations, areas and statuses)? This may take a while.</translation>
    </message>
    <message>
        <source>Opslag herberekenen?</source>
        <translation>Recompute the store?</translation>
    </message>
    <message>
        <source>Opslag herberekend met: {0}</source>
        <translation>Store recomputed with: {0}</translation>
    </message>
    <message>
        <source>Opslag herberekenen</source>
        <translation>Recomputing the store</translation>
    </message>
    <message>
        <source>Trillingen berekend met: {settings}.</source>
        <translation>Vibrations computed with: {settings}.</translation>
    </message>
    <message>
        <source>Let op: u koos andere instellingen ({wanted}); de cijfers van deze opslag zijn daarmee nog niet herberekend.</source>
        <translation>Note: you chose other settings ({wanted}); the figures of this store have not been recomputed with them.</translation>
    </message>
    <message>
        <source>toegekend</source>
        <translation>awarded</translation>
    </message>
    <message>
        <source>deels toegekend</source>
        <translation>partly awarded</translation>
    </message>
    <message>
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>toegewezen</source>
        <translation>granted</translation>
    </message>
    <message>
        <source>in behandeling</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>woning</source>
        <translation>dwelling</translation>
    </message>
    <message>
        <source>niet-woning</source>
        <translation>non-residential</translation>
    </message>
    <message>
        <source>Trillingen berekend met</source>
        <translation>Vibrations computed with</translation>
    </message>
    <message>
        <source>Diepe bodemdaling (berekend)</source>
        <translation>Deep subsidence (computed)</translation>
    </message>
    <message>
        <source>Diepe bodemdaling (illustratief)</source>
        <translation>Deep subsidence (illustrative)</translation>
    </message>
    <message>
        <source>Diepe bodemdaling (ingelezen)</source>
        <translation>Deep subsidence (imported)</translation>
    </message>
    <message>
        <source>Duurzaam herstel: na te gaan</source>
        <translation>Duurzaam herstel: to check</translation>
    </message>
    <message>
        <source>Effectgebied (berekend)</source>
        <translation>Effect area (computed)</translation>
    </message>
    <message>
        <source>Effectgebied (illustratief)</source>
        <translation>Effect area (illustrative)</translation>
    </message>
    <message>
        <source>Effectgebied (ingelezen)</source>
        <translation>Effect area (imported)</translation>
    </message>
    <message>
        <source>Finaal besloten</source>
        <translation>Final decision</translation>
    </message>
    <message>
        <source>Gebied Duurzaam herstel (berekend)</source>
        <translation>Duurzaam herstel area (computed)</translation>
    </message>
    <message>
        <source>Gebied Duurzaam herstel (illustratief)</source>
        <translation>Duurzaam herstel area (illustrative)</translation>
    </message>
    <message>
        <source>Gebied Duurzaam herstel (ingelezen)</source>
        <translation>Duurzaam herstel area (imported)</translation>
    </message>
    <message>
        <source>Gebied Duurzaam herstel</source>
        <translation>Duurzaam herstel area</translation>
    </message>
    <message>
        <source>Geen melding</source>
        <translation>No claim</translation>
    </message>
    <message>
        <source>Kadastraal perceel</source>
        <translation>Cadastral parcel</translation>
    </message>
    <message>
        <source>Mag opnieuw melden</source>
        <translation>May claim again</translation>
    </message>
    <message>
        <source>Melding loopt</source>
        <translation>Claim in progress</translation>
    </message>
    <message>
        <source>Overdracht loopt</source>
        <translation>Hand-off in progress</translation>
    </message>
    <message>
        <source>Startgebied (berekend)</source>
        <translation>Start area (computed)</translation>
    </message>
    <message>
        <source>Startgebied (illustratief)</source>
        <translation>Start area (illustrative)</translation>
    </message>
    <message>
        <source>Startgebied (ingelezen)</source>
        <translation>Start area (imported)</translation>
    </message>
    <message>
        <source>Telt niet (andere bron)</source>
        <translation>Does not count (other source)</translation>
    </message>
    <message>
        <source>Vanaf 2026</source>
        <translation>From 2026</translation>
    </message>
    <message>
        <source>Vóór 2012</source>
        <translation>Before 2012</translation>
    </message>
    <message>
        <source>Zone van 6 km (berekend)</source>
        <translation>6 km zone (computed)</translation>
    </message>
    <message>
        <source>Zone van 6 km (illustratief)</source>
        <translation>6 km zone (illustrative)</translation>
    </message>
    <message>
        <source>Zone van 6 km (ingelezen)</source>
        <translation>6 km zone (imported)</translation>
    </message>
    <message>
        <source>Zone van 6 km</source>
        <translation>6 km zone</translation>
    </message>
    <message>
        <source>Nieuwe bevingen ophalen</source>
        <translation>Fetch new quakes</translation>
    </message>
    <message>
        <source>eigendom</source>
        <translation>ownership</translation>
    </message>
    <message>
        <source>erfpacht</source>
        <translation>leasehold</translation>
    </message>
    <message>
        <source>opstal</source>
        <translation>building rights</translation>
    </message>
    <message>
        <source>beklemrecht</source>
        <translation>beklemrecht</translation>
    </message>
    <message>
        <source>Startgebieden</source>
        <translation>Start areas</translation>
    </message>
    <message>
        <source>Percelen</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>6 km-zones</source>
        <translation>6 km zones</translation>
    </message>
    <message>
        <source>illustratief</source>
        <translation>illustrative</translation>
    </message>
    <message>
        <source>synthetisch</source>
        <translation>synthetic</translation>
    </message>
    <message>
        <source>{known}; latere bevingen zijn niet bekend (Mijnbouwschade › Nieuwe bevingen ophalen).</source>
        <translation>{known}; later quakes are not known (Mijnbouwschade › Fetch new quakes).</translation>
    </message>
    <message>
        <source>Nieuwe bevingen</source>
        <translation>New quakes</translation>
    </message>
    <message>
        <source>Waar komen de nieuwe bevingen vandaan?

Bevingsdienst: {0}</source>
        <translation>Where do the new quakes come from?

Event service: {0}</translation>
    </message>
    <message>
        <source>Bevingsdienst</source>
        <translation>Event service</translation>
    </message>
    <message>
        <source>Bestand…</source>
        <translation>File…</translation>
    </message>
    <message>
        <source>Catalogusbestand kiezen</source>
        <translation>Choose a catalogue file</translation>
    </message>
    <message>
        <source>Bevingscatalogus (*.csv *.txt *.xml *.quakeml);;Alle bestanden (*)</source>
        <translation>Earthquake catalogue (*.csv *.txt *.xml *.quakeml);;All files (*)</translation>
    </message>
    <message>
        <source>Nieuwe bevingen: {0}; al bekend: {1}; herberekende objecten: {2}.</source>
        <translation>New quakes: {0}; already known: {1}; objects recomputed: {2}.</translation>
    </message>
    <message>
        <source>Nieuwe bevingen: {0} (tellen mee: {1}); al bekend: {2}. Herberekende objecten: {3}.</source>
        <translation>New quakes: {0} (counting: {1}); already known: {2}. Objects recomputed: {3}.</translation>
    </message>
    <message>
        <source>Beving</source>
        <translation>Quake</translation>
    </message>
    <message>
        <source>Selecteren op de kaart</source>
        <translation>Select on the map</translation>
    </message>
    <message>
        <source>Exporteren (CSV)…</source>
        <translation>Export (CSV)…</translation>
    </message>
    <message>
        <source>Geëxporteerd: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="172"/>
        <source>Meldingsnummer</source>
        <translation>Claim number</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="178"/>
        <source>Behandelaar</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="111"/>
        <source>{place}, {date}, ML {ml}, {pgv}</source>
        <translation>{place}, {date}, ML {ml}, {pgv}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="130"/>
        <source>Concept: nog niet ingediend, dus nog niet lopend.</source>
        <translation>Draft: not submitted yet, so not running.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="170"/>
        <source>Toelichting: {text}</source>
        <translation>Narrative: {text}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="172"/>
        <source>Toelichting:</source>
        <translation>Narrative:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="176"/>
        <source>Gekoppelde meldingen: {claims}</source>
        <translation>Linked claims: {claims}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/handoff_section.py" line="176"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="115"/>
        <source>Stap {0} van {1}: {2}</source>
        <translation>Step {0} of {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="212"/>
        <source>GeoPackage (*.gpkg);;Alle bestanden (*)</source>
        <translation>GeoPackage (*.gpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="219"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="329"/>
        <source>Alleen gecontroleerd; er is niets geschreven.</source>
        <translation>Checked only; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="345"/>
        <source>Overgeslagen ({0}): {1}</source>
        <translation>Skipped ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="39"/>
        <source>Al in de opslag</source>
        <translation>Already in the store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="40"/>
        <source>Ongewijzigd</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="41"/>
        <source>Lege regels</source>
        <translation>Blank rows</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="42"/>
        <source>Niet in gebruik (BAG-status)</source>
        <translation>Not in use (BAG status)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/base.py" line="43"/>
        <source>Omtrekken van andere gasvelden</source>
        <translation>Outlines of other gas fields</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="67"/>
        <source>Bestand lezen en controleren</source>
        <translation>Read and check the file</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="68"/>
        <source>Opslaan in de opslag</source>
        <translation>Write to the store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="71"/>
        <source>Catalogus lezen en controleren</source>
        <translation>Read and check the catalogue</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="72"/>
        <source>Bevingen opslaan</source>
        <translation>Store the quakes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="73"/>
        <source>Trillingen per object berekenen</source>
        <translation>Compute the vibration per object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="75"/>
        <source>Gebieden berekenen</source>
        <translation>Compute the areas</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="80"/>
        <source>Effectgebied en Duurzaam herstel-gebied berekenen</source>
        <translation>Compute the effect area and the Duurzaam herstel area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="85"/>
        <source>Omtrekken van de bronnen lezen</source>
        <translation>Read the source outlines</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="89"/>
        <source>Regels toepassen op elk object</source>
        <translation>Apply the rules to every object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="90"/>
        <source>Kaartstatus opslaan</source>
        <translation>Store the map status</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="97"/>
        <source>Bevingen die niet meetellen (andere bron)</source>
        <translation>Quakes that do not count (other source)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="98"/>
        <source>Trillingen per object opgeslagen</source>
        <translation>Vibrations per object stored</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="99"/>
        <source>Objecten in het effectgebied</source>
        <translation>Objects in the effect area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="100"/>
        <source>Objecten in het Duurzaam herstel-gebied</source>
        <translation>Objects in the Duurzaam herstel area</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="104"/>
        <source>Effectgebieden</source>
        <translation>Effect areas</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="105"/>
        <source>Duurzaam herstel-gebieden</source>
        <translation>Duurzaam herstel areas</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="115"/>
        <source>Adressen</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="117"/>
        <source>Percelen bijgewerkt</source>
        <translation>Parcels updated</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="118"/>
        <source>Objecten aan een perceel gekoppeld</source>
        <translation>Objects linked to a parcel</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="119"/>
        <source>Schademeldingen</source>
        <translation>Damage claims</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="120"/>
        <source>Eigendommen</source>
        <translation>Ownerships</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="121"/>
        <source>Personen (nieuw)</source>
        <translation>Persons (new)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="208"/>
        <source>Bijgewerkte kaartlagen</source>
        <translation>Updated map layers</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/store_algorithms.py" line="293"/>
        <source>Bijgewerkte kaartlaag</source>
        <translation>Updated map layer</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="34"/>
        <source>Trillingen van de scenario-beving berekenen</source>
        <translation>Compute the vibration of the scenario quake</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="35"/>
        <source>Lagen van de voetafdruk schrijven</source>
        <translation>Write the footprint layers</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="103"/>
        <source>Contouren 2 en 5 mm/s</source>
        <translation>Contours 2 and 5 mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/processing/scenario_algorithm.py" line="104"/>
        <source>Epicentrum (punt)</source>
        <translation>Epicentre (point)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/scenario_dialog.py" line="1"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>PC4</source>
        <translation>PC4</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>Gemeenten (benadering)</source>
        <translation>Municipalities (approximation)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>PC4 (benadering)</source>
        <translation>PC4 (approximation)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/overview_layer.py" line="1"/>
        <source>ML {0}</source>
        <translation>ML {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/connections.py" line="1"/>
        <source>Geen PostgreSQL-verbinding &apos;{0}&apos; in QGIS; maak hem aan in de Browser.</source>
        <translation>No PostgreSQL connection &apos;{0}&apos; in QGIS; create it in the Browser.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/layout_kit.py" line="1"/>
        <source>{0}: de PDF kon niet worden geschreven ({1}); controleer of de map bestaat en schrijfbaar is en het bestand niet open staat.</source>
        <translation>{0}: the PDF could not be written ({1}); check that the folder exists and is writable and that the file is not open.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/sources.py" line="1"/>
        <source>Geen opslag open: open eerst een opslag (menu Mijnbouwschade › Opslag openen…).</source>
        <translation>No store open: open a store first (menu Mijnbouwschade › Open store…).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas_template.py" line="1"/>
        <source>{0}: het afdruksjabloon kon niet worden gelezen; installeer de plug-in opnieuw.</source>
        <translation>{0}: the print template could not be read; reinstall the plugin.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas_template.py" line="1"/>
        <source>{0}: de kaart &apos;{1}&apos; ontbreekt.</source>
        <translation>{0}: the map &apos;{1}&apos; is missing.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/reports/atlas_template.py" line="1"/>
        <source>{0}: de bezoeklijst-tabel ontbreekt.</source>
        <translation>{0}: the visit-list table is missing.</translation>
    </message>
</context>
<context>
    <name>HandOffDialog</name>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="14"/>
        <source>Overdragen aan IVS of CBS</source>
        <translation>Hand off to IVS or CBS</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="20"/>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="35"/>
        <source>Ontvanger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="55"/>
        <source>Indiener</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="75"/>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="95"/>
        <source>Toelichting</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="111"/>
        <source>Wat zit vast, sinds wanneer, en wat is al geprobeerd?</source>
        <translation>What is stuck, since when, and what has been tried?</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="125"/>
        <source>De bewoners stemmen in met de overdracht</source>
        <translation>The residents consent to the hand-off</translation>
    </message>
    <message>
        <location filename="../../ui/handoff_dialog.ui" line="139"/>
        <source>Gekoppelde meldingen</source>
        <translation>Linked claims</translation>
    </message>
</context>
<context>
    <name>ImgProcessingProvider</name>
    <message>
        <location filename="../../img_qgis_plugin/processing/provider.py" line="42"/>
        <source>Mijnbouwschade</source>
        <translation>Mining damage</translation>
    </message>
</context>
<context>
    <name>ObjectLocatorFilter</name>
    <message>
        <location filename="../../img_qgis_plugin/gui/locator.py" line="23"/>
        <source>Mijnbouwschade-objecten</source>
        <translation>Mining damage objects</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="14"/>
        <source>Scenario-beving</source>
        <translation>Scenario quake</translation>
    </message>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="20"/>
        <source>Epicentrum</source>
        <translation>Epicentre</translation>
    </message>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="32"/>
        <source>Magnitude (ML)</source>
        <translation>Magnitude (ML)</translation>
    </message>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="61"/>
        <source>Diepte (km)</source>
        <translation>Depth (km)</translation>
    </message>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="90"/>
        <source>Datum van de beving</source>
        <translation>Date of the quake</translation>
    </message>
    <message>
        <location filename="../../ui/scenario_dialog.ui" line="103"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="14"/>
        <source>Mijnbouwschade – instellingen</source>
        <translation>Mining damage – settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="20"/>
        <source>Bodembeweging</source>
        <translation>Ground motion</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="26"/>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="39"/>
        <source>Overschrijdingskans</source>
        <translation>Exceedance probability</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="68"/>
        <source>VS30-bron</source>
        <translation>VS30 source</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="91"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="97"/>
        <source>Standaard peildatum</source>
        <translation>Default as-of date</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="109"/>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="128"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="141"/>
        <source>Een andere taal geldt na het opnieuw starten van QGIS.</source>
        <translation>A different language takes effect after restarting QGIS.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="156"/>
        <source>Probleem melden</source>
        <translation>Report a problem</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="159"/>
        <source>Kopieert de versies van besturingssysteem, QGIS en plugin, om bij een melding te plakken.</source>
        <translation>Copies the versions of operating system, QGIS and plugin, to paste into a report.</translation>
    </message>
</context>
</TS>
