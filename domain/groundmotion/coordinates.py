"""The product's one coordinate system: RD New (Amersfoort / RD New, EPSG:28992).

Every geometry the domain stores, computes with or writes is in RD New metres: the ground-motion
distances, the 6 km zone, the store's geometry columns. Defined here once, without imports, so a
light reader (``domain.case.file``) can use it as well as the store and the plugin.
"""

from __future__ import annotations

#: EPSG code of RD New, the SRID of every geometry column in a store
SRID = 28992
#: the same system as an authority id, the way GDAL, pyproj and QGIS name it
RD_NEW = f"EPSG:{SRID}"
