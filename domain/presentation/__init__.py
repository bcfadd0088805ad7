"""How the domain speaks to people: Dutch calendar days, numbers and texts, an object's view.

``dutch_time`` (the Dutch day a moment falls on, and back), ``text_format`` (numbers,
postcodes, quakes as text in the current language) and ``object_view`` (what the panel and the
dossier show for one object, straight from the rules).
"""
