"""Map tool: click an object (point or its parcel) and the panel opens on it."""

from __future__ import annotations

from qgis.gui import QgsMapToolIdentify, QgsMapToolIdentifyFeature
from qgis.PyQt.QtCore import pyqtSignal


class ObjectIdentifyTool(QgsMapToolIdentifyFeature):
    """Identifies on the objects layer; emits the object id under the cursor."""

    object_identified = pyqtSignal(int)

    def __init__(self, canvas, objects_layer=None, parcels_layer=None) -> None:
        super().__init__(canvas)
        self.objects_layer = objects_layer
        self.parcels_layer = parcels_layer
        self.featureIdentified.connect(self._on_feature)

    def set_layers(self, objects_layer, parcels_layer=None) -> None:
        self.objects_layer = objects_layer
        self.parcels_layer = parcels_layer
        self.setLayer(objects_layer)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        layers = [lyr for lyr in (self.objects_layer, self.parcels_layer) if lyr is not None]
        if not layers:  # the store closed or its layers were removed
            from img_qgis_plugin.controller import say_no_store

            say_no_store()
            return
        results = self.identify(
            event.x(), event.y(), layers, QgsMapToolIdentify.IdentifyMode.TopDownStopAtFirst
        )
        if results:
            self._on_feature(results[0].mFeature)

    def _on_feature(self, feature) -> None:
        fields = feature.fields()
        name = "object_id" if fields.indexFromName("object_id") >= 0 else "id"
        value = feature[name]
        if value is not None:
            self.object_identified.emit(int(value))
