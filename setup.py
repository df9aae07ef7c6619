"""What goes into the wheel; the metadata and dependencies are in pyproject.toml.

The top-level ``resources/`` folder (fonts, translations, document templates,
the sample case, the icon) is installed as the package ``courtapp.resources``,
where :func:`courtapp.core.paths.resources_dir` finds it.  setuptools cannot
combine package discovery with a renamed folder in ``pyproject.toml`` alone,
hence this file.
"""

from setuptools import find_namespace_packages, setup

RESOURCES = [
    "courtapp.resources",
    *(f"courtapp.resources.{p}" for p in find_namespace_packages("resources")),
]

setup(
    packages=[
        *find_namespace_packages(include=["courtapp", "courtapp.*"], exclude=["*.__pycache__"]),
        *RESOURCES,
    ],
    package_dir={"courtapp.resources": "resources"},
    package_data={
        "courtapp": ["py.typed"],
        # Alembic reads the migrations from disk (env.py, versions/*.py are modules).
        "courtapp.core.db.migrations": ["script.py.mako"],
        **{p: ["*"] for p in RESOURCES},
    },
    # The .ts sources are for translators; the app loads the compiled .qm.
    exclude_package_data={"courtapp.resources.i18n": ["*.ts"]},
)
