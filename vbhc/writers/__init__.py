"""Writers: a laid-out ``model.Document`` written to a file format (``docx``; later pdf).

Writers import ``nd30``, ``model``, ``layout`` and ``ooxml``; never readers, recognise or check.
"""
