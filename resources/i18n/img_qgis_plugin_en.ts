<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>@default</name>
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
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="169"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="169"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="63"/>
        <source>Mijnbouwschade – object</source>
        <translation>Mining damage – object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="71"/>
        <source>Peildatum:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="76"/>
        <source>Oordelen gelden op deze datum; latere feiten tellen niet.</source>
        <translation>Verdicts hold on this date; later facts do not count.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="82"/>
        <source>Kies een object op de kaart met het identificatiegereedschap.</source>
        <translation>Pick an object on the map with the identify tool.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="90"/>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="92"/>
        <source>Meldingen</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="93"/>
        <source>Bevingen</source>
        <translation>Quakes</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="97"/>
        <source>Overdracht</source>
        <translation>Hand-off</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="111"/>
        <source>Adres(sen)</source>
        <translation>Address(es)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="112"/>
        <source>Kadastrale aanduiding</source>
        <translation>Cadastral designation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="113"/>
        <source>Object-id</source>
        <translation>Object id</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="114"/>
        <source>Bouwjaar</source>
        <translation>Construction year</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="115"/>
        <source>Gebruik</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="116"/>
        <source>WOZ-waarde</source>
        <translation>WOZ value</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="117"/>
        <source>Rijksmonument</source>
        <translation>National monument</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="34"/>
        <source>Vaste vergoeding</source>
        <translation>Fixed compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="131"/>
        <source>Nieuwe melding na finaal besluit</source>
        <translation>New claim after final decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="39"/>
        <source>Duurzaam herstel</source>
        <translation>Sustainable repair</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="133"/>
        <source>Nulmeting</source>
        <translation>Baseline survey</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="186"/>
        <source>Mijnbouwschade – {address}</source>
        <translation>Mining damage – {address}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="213"/>
        <source>Geen oordeel beschikbaar</source>
        <translation>No verdict available</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="219"/>
        <source>Nulmeting nodig</source>
        <translation>Baseline survey needed</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="220"/>
        <source>Geen nulmeting nodig</source>
        <translation>No baseline survey needed</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="221"/>
        <source>Onbepaald</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="228"/>
        <source>Komt in aanmerking</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="229"/>
        <source>Komt niet in aanmerking</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="230"/>
        <source>Onbepaald: gegevens ontbreken</source>
        <translation>Undetermined: data missing</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="239"/>
        <source>Bedrag: {amount}</source>
        <translation>Amount: {amount}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="246"/>
        <source>Heropend door: {events}</source>
        <translation>Reopened by: {events}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="250"/>
        <source>Geblokkeerd door: {what}</source>
        <translation>Blocked by: {what}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="35"/>
        <source>Aanvullende vaste vergoeding</source>
        <translation>Supplementary fixed compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="36"/>
        <source>Maatwerk</source>
        <translation>Custom assessment (maatwerk)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="37"/>
        <source>Herstel met eigen aannemer (HEA)</source>
        <translation>Repair with own contractor (HEA)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="38"/>
        <source>Herstel met aannemer IMG (HAI)</source>
        <translation>Repair with IMG contractor (HAI)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="40"/>
        <source>Vaste herhaalvergoeding</source>
        <translation>Fixed repeat compensation</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="41"/>
        <source>Immateriële schade (IMS)</source>
        <translation>Immaterial damage (IMS)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="42"/>
        <source>Waardedaling</source>
        <translation>Loss of value</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="43"/>
        <source>Acuut onveilige situatie (AOS)</source>
        <translation>Acutely unsafe situation (AOS)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="51"/>
        <source>afgehandeld {date}</source>
        <translation>settled {date}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="52"/>
        <source>loopt</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="84"/>
        <source>≥ {value} mm/s</source>
        <translation>≥ {value} mm/s</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="85"/>
        <source>&gt; {value} mm/s na finaal besluit</source>
        <translation>&gt; {value} mm/s after final decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="135"/>
        <source>Regeling</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="136"/>
        <source>Ingediend</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="137"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="138"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="139"/>
        <source>Bedrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="140"/>
        <source>Finaal</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="141"/>
        <source>Bezwaar</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="142"/>
        <source>Langlopend</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="183"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="184"/>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="185"/>
        <source>ML</source>
        <translation>ML</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="186"/>
        <source>Afstand (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="187"/>
        <source>PGV (mm/s)</source>
        <translation>PGV (mm/s)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/panel_tables.py" line="188"/>
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
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="37"/>
        <source>Per object (tabel per postcodegebied)</source>
        <translation>Per object (table per postcode area)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="38"/>
        <source>Vaste waarde ({value} m/s)</source>
        <translation>Fixed value ({value} m/s)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="63"/>
        <source>Aanname: de bronnen noemen niet welke component IMG gebruikt. Standaard: de grootste horizontale component bij {p} % overschrijdingskans.</source>
        <translation>Assumption: the sources do not say which component IMG uses. Default: the larger horizontal component at {p} % exceedance probability.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/settings_dialog.py" line="115"/>
        <source>Versies gekopieerd; plak ze in uw melding.</source>
        <translation>Versions copied; paste them into your report.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="93"/>
        <source>Mijnbouwschade</source>
        <translation>Mining damage</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/verdict_card.py" line="33"/>
        <source>voldaan</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/verdict_card.py" line="34"/>
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
        <location filename="../../img_qgis_plugin/plugin_main.py" line="110"/>
        <source>Objectpaneel tonen</source>
        <translation>Show object panel</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="111"/>
        <source>Instellingen…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="112"/>
        <source>Over Mijnbouwschade…</source>
        <translation>About Mining damage…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="211"/>
        <source>Over Mijnbouwschade</source>
        <translation>About Mining damage</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="211"/>
        <source>Mijnbouwschade Groningen</source>
        <translation>Mining damage Groningen</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/gui/object_panel.py" line="118"/>
        <source>Samenloop (NCG)</source>
        <translation>Overlap with strengthening (NCG)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="66"/>
        <source>De opslag kon niet worden geopend</source>
        <translation>The store could not be opened</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="73"/>
        <source>Opslag geopend: {0}</source>
        <translation>Store opened: {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="277"/>
        <source>Open eerst een opslag (menu Mijnbouwschade › Opslag openen…).</source>
        <translation>Open a store first (menu Mijnbouwschade › Open store…).</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="156"/>
        <source>Overdracht {0} vastgelegd.</source>
        <translation>Hand-off {0} recorded.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/controller.py" line="180"/>
        <source>object {0}</source>
        <translation>object {0}</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="97"/>
        <source>Opslag openen (GeoPackage)…</source>
        <translation>Open store (GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="98"/>
        <source>Gedeelde opslag openen (PostGIS)…</source>
        <translation>Open shared store (PostGIS)…</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="104"/>
        <source>Object aanwijzen op de kaart</source>
        <translation>Identify object on the map</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="246"/>
        <source>Opslag openen</source>
        <translation>Open store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="246"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="257"/>
        <source>QGIS kent nog geen PostgreSQL-verbinding; maak er een aan in de Browser.</source>
        <translation>QGIS has no PostgreSQL connection yet; create one in the Browser.</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="263"/>
        <source>Gedeelde opslag openen</source>
        <translation>Open shared store</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/plugin_main.py" line="263"/>
        <source>Verbinding:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../img_qgis_plugin/store_layers.py" line="51"/>
        <source>Deze laag bevat {0} gegevens, geen officiële bron.</source>
        <translation>This layer holds {0} data, not an official source.</translation>
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
        <location filename="../../img_qgis_plugin/processing/provider.py" line="24"/>
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
