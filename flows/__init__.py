"""newsline: news texts in, a typed and dated timeline of visits, demarches and aid pledges out."""

EXTRACTOR_VERSION = "0.8.0"
