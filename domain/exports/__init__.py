"""Files the product writes for people and other programs, through GDAL/OGR (see ``ogr_writer``)."""
