"""Where a report gets its store and map layers: the open plugin, or a store on its own.

From the plugin the styled layers already in the project are reused; for a bare store (a script,
the benchmark) styled layers are made for the duration of the export and removed afterwards.
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsProject

from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.store_layers import LAYER_LOOKS, styled_layer


def resolve_store(source):
    """The plugin, its controller, or a store → the store."""
    controller = getattr(source, "controller", None)
    if controller is not None and getattr(controller, "store", None) is not None:
        return controller.store
    if getattr(source, "layers", None) is not None and getattr(source, "store", None) is not None:
        return source.store
    if hasattr(source, "read_object"):
        return source
    raise ValueError(
        tr("Geen opslag open: open eerst een opslag (menu Mijnbouwschade › Opslag openen…).")
    )


def _open_layers(source) -> dict:
    controller = getattr(source, "controller", source)
    return dict(getattr(controller, "layers", None) or {})


@contextlib.contextmanager
def map_layers(source, project=None):
    """Yield ``{key: QgsVectorLayer}`` for the store's layers; temporary ones are removed after."""
    project = project or QgsProject.instance()
    layers = _open_layers(source)
    if layers:
        yield layers
        return
    from img_qgis_plugin.connections import with_layer_credentials

    store = resolve_store(source)
    login = store.engine.url.render_as_string(hide_password=False)
    uris = with_layer_credentials(store.layer_uris(), login)
    made = {}
    for key, look in LAYER_LOOKS.items():
        # named in the reader's language: the report's legend shows these names
        layer = styled_layer(uris[key], tr(look.name), look.style) if key in uris else None
        if layer is not None and project.addMapLayer(layer, False) is not None:
            made[key] = layer
    try:
        yield made
    finally:
        project.removeMapLayers([layer.id() for layer in made.values()])
