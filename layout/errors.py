"""One exception tree: every user-facing error carries a message and a hint."""


class LayoutError(Exception):
    """Base of every error the CLI reports as `error:` plus `hint:`."""

    exit_code = 1
    default_hint = "run `layout --help` for usage"

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint or self.default_hint


class SourceError(LayoutError):
    """The source article cannot be read or holds no article."""

    exit_code = 2
    default_hint = "give a UTF-8 text, Markdown or HTML article"


class OptionError(LayoutError):
    """A command-line option or theme is not valid."""

    exit_code = 2
    default_hint = "run `layout build --help` for the options"


class OutputError(LayoutError):
    """An output could not be written."""

    exit_code = 3
    default_hint = "check that the output folder exists, is writable and has free space"


class RenderError(LayoutError):
    """A writer failed to produce its output."""

    exit_code = 4
    default_hint = "run with --verbose and report the message"


class FetchError(LayoutError):
    """A resource outside the article's and the theme's folders was requested."""

    exit_code = 5
    default_hint = "keep images and fonts inside the article's or the theme's folder"


class CheckError(LayoutError):
    """A file given to `layout check` is missing, or not a PDF or an EPUB."""

    exit_code = 2
    default_hint = "give PDF or EPUB files, such as dist/NAME.pdf dist/NAME.epub"


class ToolMissing(LayoutError):
    """An external checker that a file needs is not installed."""

    exit_code = 6
    default_hint = "run `bash .ci/setup`, which installs every checker"


class ChecksFailed(LayoutError):
    """At least one check of `layout check` failed."""

    exit_code = 1
