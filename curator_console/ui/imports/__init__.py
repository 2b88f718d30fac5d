"""Collection imports in the desktop app: a file (CSV / JSON / IIIF) through the mapping dialog,
The Met and the Art Institute of Chicago, IIIF manifests by address, and fetching missing images;
a reusable progress dialog and the import report. Entry point: ``actions.make_import_actions``."""
