"""Repositories on the unit of work: each owns the loading and saving of one
aggregate and the mapping between its rows and the domain objects.

Services reach them as ``uow.cases``, ``uow.listings`` … (see
:class:`courtapp.core.db.uow.UnitOfWork`); no service builds a query.
"""
