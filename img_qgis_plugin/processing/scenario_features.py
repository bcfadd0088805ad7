"""Affected objects of a scenario quake as QGIS features (shared by the algorithm and map tool)."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QMetaType

from img_qgis_plugin.gui.i18n import tr

CATEGORY_REOPEN = "reopen"
CATEGORY_NULMETING = "nulmeting"
CATEGORY_NEW_AREA = "new_in_effect_area"
CATEGORY_OTHER = "other"
CATEGORIES = (CATEGORY_REOPEN, CATEGORY_NULMETING, CATEGORY_NEW_AREA, CATEGORY_OTHER)


def category_labels() -> dict[str, str]:
    return {
        CATEGORY_REOPEN: tr("Heropenen"),
        CATEGORY_NULMETING: tr("Nulmeting"),
        CATEGORY_NEW_AREA: tr("Nieuw in effectgebied"),
        CATEGORY_OTHER: tr("Overig ≥ 2 mm/s"),
    }


def scenario_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("object_id", QMetaType.Type.LongLong))
    fields.append(QgsField("category", QMetaType.Type.QString))
    fields.append(QgsField("reopen", QMetaType.Type.Bool))
    fields.append(QgsField("nulmeting", QMetaType.Type.Bool))
    fields.append(QgsField("new_in_effect_area", QMetaType.Type.Bool))
    fields.append(QgsField("pgv_mm_s", QMetaType.Type.Double))
    fields.append(QgsField("municipality", QMetaType.Type.QString))
    return fields


def category_of(obj) -> str:
    """The strongest consequence names the category: reopen, then nulmeting, then new area."""
    if obj.reopen:
        return CATEGORY_REOPEN
    if obj.nulmeting:
        return CATEGORY_NULMETING
    if obj.new_in_effect_area:
        return CATEGORY_NEW_AREA
    return CATEGORY_OTHER


def affected_features(objects, fields: QgsFields | None = None, feedback=None) -> list[QgsFeature]:
    """One point feature (RD New) per affected object."""
    fields = fields or scenario_fields()
    features = []
    for obj in objects:
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(obj.x, obj.y)))
        feature.setAttributes(
            [
                obj.object_id,
                category_of(obj),
                obj.reopen,
                obj.nulmeting,
                obj.new_in_effect_area,
                round(obj.pgv_mm_s, 3),
                obj.municipality,
            ]
        )
        features.append(feature)
    return features
