# pdf_download lives in docs/_ext; the test puts that folder on sys.path.
extensions = ["pdf_download"]
project = "PDF download"
handbook_pdf = ""
