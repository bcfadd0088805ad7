"""Regional overview as a choropleth: one polygon per municipality or PC4 with its counts.

Where the store has official boundaries of that kind (``imgschade import-boundaries``: CBS
gemeenten or PC4 areas) each group is its boundary polygon, the one the domain counted the
objects in. Without them each group is approximated by the convex hull of its objects (a little
buffered) and the layer says so ("benadering"). The counts are the rows of
``domain.planning.overview.regional_overview``; nothing is counted here. With a
scenario quake the layer also carries, per count, the table after the quake (``after_<count>``)
and the change (``delta_<count>``, 0 where the quake changes nothing), so it can be styled on
what the quake would do.
"""

from __future__ import annotations

import datetime as dt

import shapely
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererRange,
    QgsStyle,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
)

from domain.groundmotion.coordinates import RD_NEW
from domain.planning.overview import COLUMNS, regional_overview
from img_qgis_plugin.gui.i18n import tr, ui_language
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.sources import resolve_store
from img_qgis_plugin.store_layers import GROUP_NAME

HULL_BUFFER_M = 100.0
DEFAULT_COUNT = "never_claimed"
CLASSES = 5
LAYER_PROPERTY = "img_qgis_plugin/report"
TITLE_PROPERTY = "img_qgis_plugin/title"
AFTER = "after_"
DELTA = "delta_"
#: the overview's labels win over the area labels (start areas, subsidence: priority 3)
LABEL_PRIORITY = 10
#: where on the red ramp the lowest class starts: its very start is near-white, which reads as
#: "nothing here" over a light map for an area that does hold objects
RAMP_START = 0.15


def group_outlines(store, by: str = "gemeente") -> dict[str, object]:
    """Group name → its polygon (shapely): the official boundary where the store has boundaries
    of that kind (named as the domain's grouping names them), else the buffered convex hull of
    the objects per municipality or PC4 ("" when unknown).

    Vectorised: half a million rows become two arrays and one hull per group."""
    import numpy as np

    from domain.planning.overview import GROUPINGS
    from domain.store.boundaries import group_outlines_of
    from domain.store.objects import labelled_points

    column = GROUPINGS[by]  # a fixed column name, never user text
    with store.engine.connect() as conn:
        official = group_outlines_of(conn, by)
        if official is not None:
            return official
        points = labelled_points(conn, column)
    if not len(points.labels):
        return {}
    names, xy = points.labels, points.xy
    groups, inverse = np.unique(names, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(len(groups) + 1))
    return {
        str(name): shapely.multipoints(xy[order[bounds[i] : bounds[i + 1]]]).convex_hull.buffer(
            HULL_BUFFER_M
        )
        for i, name in enumerate(groups)
    }


def count_fields(with_scenario: bool) -> list[str]:
    """Field names of the counts, per column: the count, then ``after_*`` and ``delta_*`` when
    there is a scenario (before, after and change side by side)."""
    if not with_scenario:
        return list(COLUMNS)
    return [name for column in COLUMNS for name in (column, f"{AFTER}{column}", f"{DELTA}{column}")]


def field_label(name: str, lang: str | None = None) -> str:
    """The readable heading of a count field (the domain's column label, marked after/change)."""
    from domain.i18n import tr as domain_tr

    column = name[len(AFTER) :] if name.startswith(AFTER) else name
    column = column[len(DELTA) :] if column.startswith(DELTA) else column
    label = domain_tr(f"ov.col.{column}", lang or ui_language())
    if name.startswith(AFTER):
        return tr("{0} – na scenario").format(label)
    if name.startswith(DELTA):
        return tr("{0} – verandering").format(label)
    return label


def merged_rows(overview) -> list[dict]:
    """One dict per group: the counts, and with a scenario ``after_*`` and ``delta_*`` too.

    The change is the domain's ``overview.delta``, which lists only the groups the quake changes;
    every other group gets 0."""
    rows = [dict(row) for row in overview.rows]
    if overview.after is None:
        return rows
    after = {row["group"]: row for row in overview.after}
    delta = {row["group"]: row for row in overview.delta or ()}
    for row in rows:
        changed = delta.get(row["group"], {})
        for column in COLUMNS:
            row[f"{AFTER}{column}"] = int(after[row["group"]][column])
            row[f"{DELTA}{column}"] = int(changed.get(column, 0))
    return rows


def compute_overview(
    store, as_of=None, scenario=None, lang=None, progress=None, cancel=None, by="gemeente"
):
    """The overview and the outlines of its groups (``by`` "gemeente" or "pc4"); touches no
    widget, so a ``QgsTask`` can run it (pass ``lang`` from the main thread)."""
    overview = regional_overview(
        store,
        by=by,
        as_of=as_of,
        scenario=scenario,
        lang=lang or ui_language(),
        progress=progress,
        cancel=cancel,
    )
    return overview, group_outlines(store, by)


def overview_layer(
    source,
    count: str = DEFAULT_COUNT,
    as_of: dt.date | None = None,
    add_to_project: bool = True,
    scenario=None,
    computed=None,
    by: str = "gemeente",
) -> QgsVectorLayer:
    """The choropleth layer (memory, EPSG:28992), styled on ``count``, added to the group.

    ``scenario`` (a ``ScenarioQuake``) adds the after/delta fields; ``computed`` is the
    ``(overview, outlines)`` pair from :func:`compute_overview` when a task already made it
    (its grouping then wins over ``by``)."""
    if computed is None:
        computed = compute_overview(resolve_store(source), as_of, scenario, by=by)
    overview, outlines = computed
    names = count_fields(overview.after is not None)
    if count not in names:
        raise ValueError(
            tr("Onbekende telling '{0}'; kies uit: {1}.").format(count, ", ".join(names))
        )
    known = set(outlines) - {""}
    per_pc4 = overview.by == "pc4"
    official = overview.boundaries is not None
    from domain.presentation.text_format import magnitude

    # the full title goes to the metadata (the layer's tooltip); the name, which is also the
    # legend title, stays short enough for QGIS's layer panel
    if official:
        title = (
            tr("Regionaal overzicht per PC4") if per_pc4 else tr("Regionaal overzicht per gemeente")
        )
        name = tr("PC4") if per_pc4 else tr("Gemeenten")
    elif per_pc4:
        title = tr("Regionaal overzicht per PC4 (benadering)")
        name = tr("PC4 (benadering)")
    else:
        title = tr("Regionaal overzicht per gemeente (benadering)")
        name = tr("Gemeenten (benadering)")
    if overview.scenario:
        ml = magnitude(overview.scenario["ml"], ui_language())
        title += " – " + tr("scenario ML {0}").format(ml)
        name += " " + tr("ML {0}").format(ml)
    layer = QgsVectorLayer(f"MultiPolygon?crs={RD_NEW}", name, "memory")
    fields = [QgsField(overview.by, kit.TEXT)] + [QgsField(name, kit.INT) for name in names]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    for index, name in enumerate(names, start=1):
        layer.setFieldAlias(index, field_label(name))
    features = []
    for row in merged_rows(overview):
        outline = outlines.get(row["group"] if row["group"] in known else "")
        if outline is None:
            continue
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(outline))  # exact: WKT text would round coordinates
        feature.setGeometry(geometry)
        feature.setAttributes([row["group"]] + [int(row[name]) for name in names])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    style_on(layer, count)
    if official:
        abstract = _official_abstract(overview)
    elif per_pc4:
        abstract = tr(
            "Benadering: postcodevlakken zijn de convexe omhullende van de objecten per PC4, "
            "geen officiële grenzen; ze kunnen elkaar overlappen. Peildatum {0}."
        ).format(overview.as_of.isoformat())
    else:
        abstract = tr(
            "Benadering: gemeentevlakken zijn de convexe omhullende van de objecten per gemeente, "
            "geen officiële grenzen. Peildatum {0}."
        ).format(overview.as_of.isoformat())
    if overview.scenario:
        quake = overview.scenario
        abstract += " " + tr(
            "Scenario-beving ML {ml} op {date} bij {x:.0f}, {y:.0f} (RD New): after_* is de "
            "telling na de beving, delta_* de verandering."
        ).format(
            ml=magnitude(quake["ml"], ui_language()), date=quake["date"], x=quake["x"], y=quake["y"]
        )
    metadata = layer.metadata()
    metadata.setTitle(title)
    metadata.setAbstract(abstract)
    layer.setMetadata(metadata)
    layer.setCustomProperty(LAYER_PROPERTY, "overview")
    if add_to_project:
        add_to_group(layer)
    return layer


def _official_abstract(overview) -> str:
    """What the polygons are when they are the store's official boundaries."""
    from domain.presentation.text_format import number

    found = overview.boundaries
    files = ", ".join(found.get("files") or []) or "—"
    years = ", ".join(str(y) for y in found.get("years") or []) or "—"
    if overview.by == "pc4":
        text_ = tr("Postcodevlakken (PC4) van het CBS uit {files}, jaar {years}.")
    else:
        text_ = tr("Gemeentegrenzen van het CBS uit {files}, jaar {years}.")
    text_ = text_.format(files=files, years=years)
    outside = int(found.get("outside") or 0)
    if outside:
        text_ += " " + tr(
            "{n} objecten liggen buiten deze grenzen: ze staan in de tabel, niet op de kaart."
        ).format(n=number(outside, lang=ui_language()))
    return text_ + " " + tr("Peildatum {0}.").format(overview.as_of.isoformat())


def integer_breaks(values, classes: int = CLASSES, equal: bool = False) -> list[tuple[int, int]]:
    """Class bounds ``(low, high)`` for whole counts: quantiles (or equal intervals for a
    change) rounded up and then down to a value in ``values``, each class starting one above the
    last, none empty or double.
    A class that holds a single value is ``(v, v)`` and is labelled as that value alone."""
    import numpy as np

    data = np.sort(np.asarray([int(v) for v in values if v is not None], dtype=np.int64))
    if data.size == 0:
        return []
    low, high = int(data[0]), int(data[-1])
    if equal:
        cuts = np.linspace(low, high, classes + 1)[1:]
    else:
        cuts = np.quantile(data, np.linspace(0, 1, classes + 1)[1:])
    # each class ends on a value it holds (the largest at or below its rounded cut): with few
    # areas (three municipalities, five classes) a cut between two values would leave a legend row
    # that colours nothing
    held = data[np.searchsorted(data, np.ceil(cuts), side="right") - 1]
    uppers = sorted({int(v) for v in held} | {high})
    bounds, start = [], low
    for upper in uppers:
        if upper < start:
            continue
        bounds.append((start, upper))
        start = upper + 1
    return bounds


def class_label(low: int, high: int) -> str:
    from domain.presentation.text_format import number

    if low == high:
        return number(low, lang=ui_language())
    return f"{number(low, lang=ui_language())} – {number(high, lang=ui_language())}"


def style_on(layer: QgsVectorLayer, count: str) -> None:
    """Graduated fill on one count field, a red ramp, half transparent, with whole-number
    classes (quantiles for counts; equal intervals for a change, which is mostly 0 and would
    collapse quantiles). The layer's name, its legend title, says what is counted, and each
    area is labelled with its name and count."""
    idx = layer.fields().indexOf(count)
    values = [feature[idx] for feature in layer.getFeatures()] if idx >= 0 else []
    ramp = QgsStyle.defaultStyle().colorRamp("Reds")
    bounds = integer_breaks(values, equal=count.startswith(DELTA))
    ranges = []
    for i, (low, high) in enumerate(bounds):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        if ramp is not None:
            share = i / max(1, len(bounds) - 1)
            symbol.setColor(ramp.color(RAMP_START + (1 - RAMP_START) * share))
        ranges.append(QgsRendererRange(low, high, symbol, class_label(low, high)))
    renderer = QgsGraduatedSymbolRenderer(count, ranges)
    layer.setRenderer(renderer)
    layer.setOpacity(0.75)
    base = layer.customProperty(TITLE_PROPERTY) or layer.name()
    layer.setCustomProperty(TITLE_PROPERTY, base)
    layer.setName(f"{base}: {field_label(count)}")
    _label_with_count(layer, count)


def _label_with_count(layer: QgsVectorLayer, count: str) -> None:
    """Each area's name and its count on the map, so the choropleth reads without the legend."""
    settings = QgsPalLayerSettings()
    group = layer.fields().field(0).name()
    settings.fieldName = f"\"{group}\" || '\\n' || format_number(\"{count}\", 0, '{ui_language()}')"
    settings.isExpression = True
    settings.placement = Qgis.LabelPlacement.OverPoint
    settings.priority = LABEL_PRIORITY
    text_format = QgsTextFormat()
    text_format.setSize(8)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    kit.show_labels(layer, settings)


def add_to_group(layer: QgsVectorLayer) -> None:
    """On top of the store group, above every other plugin layer: at regional scale the
    objects and quake circles would otherwise cover the choropleth the planner asked for.
    The user's own layers are left as they are."""
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
    for node in group.findLayers():  # one overview at a time
        if node.layer() is not None and node.layer().customProperty(LAYER_PROPERTY) == "overview":
            project.removeMapLayer(node.layerId())
    if project.addMapLayer(layer, False) is not None:
        group.insertLayer(0, layer)


def overview_table_csv(overview, path) -> str:
    """Write the table, with after and change columns when there is a scenario, as CSV (the
    domain's Dutch-Excel format); returns the path."""
    from domain.planning.export import write_csv
    from domain.planning.overview import overview_header

    lang = ui_language()
    names = count_fields(overview.after is not None)
    header = overview_header(overview.by, lang)[:1] + [field_label(n, lang) for n in names]
    rows = [[row["group"], *(row[name] for name in names)] for row in merged_rows(overview)]
    return str(write_csv(path, header, rows))
