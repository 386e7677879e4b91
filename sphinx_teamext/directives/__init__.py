"""One module per directive family, on the shared base in :mod:`.base`."""
