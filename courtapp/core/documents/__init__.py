"""Court documents: content (``model``), rendering with ReportLab (``render``),
the register of issued documents and offline verification (``register``,
``signing``).  No Qt here."""
