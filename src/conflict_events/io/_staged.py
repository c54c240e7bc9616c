"""Write a run's output beside its target and move it into place only when the run ends.

An existing output is never truncated by a run that then fails: results go to a
hidden temporary file in the target's folder (same file system, so the final
rename is atomic), and :meth:`StagedOutput.finish` decides where they end up:

- the run succeeded: the temporary file replaces the target;
- the run failed (a bad input, an exception, an interrupt) and no target
  existed: the finished documents become the target, so ``--resume`` goes on;
- the run failed and a target existed: the target is left as it was and this
  run's finished documents are kept beside it as ``TARGET.partial``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> target = folder / "out.jsonl"
>>> _ = target.write_text("earlier\\n", encoding="utf-8")
>>> staged = StagedOutput(target)
>>> _ = staged.temp.write_text("new\\n", encoding="utf-8")
>>> staged.finish(succeeded=False).name, target.read_text(encoding="utf-8")
('out.jsonl.partial', 'earlier\\n')
>>> staged = StagedOutput(target)
>>> _ = staged.temp.write_text("new\\n", encoding="utf-8")
>>> staged.finish(succeeded=True).name, target.read_text(encoding="utf-8")
('out.jsonl', 'new\\n')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Final

from ..errors import InputError

__all__ = ["PARTIAL_SUFFIX", "StagedOutput"]

PARTIAL_SUFFIX: Final = ".partial"


class StagedOutput:
    """A temporary file beside ``target``; :meth:`finish` moves it into place or keeps it aside."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        try:
            if self.target.parent != Path():
                self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
        except OSError as err:
            raise InputError(f"cannot write file: {err.strerror or err}", source=str(self.target)) from err
        os.close(fd)
        self.temp = Path(name)

    @property
    def partial(self) -> Path:
        """Where a failed run's results are kept when the target already existed."""
        return self.target.with_name(self.target.name + PARTIAL_SUFFIX)

    def finish(self, *, succeeded: bool) -> Path | None:
        """Move the results where they belong and return that path (None when the run wrote nothing)."""
        if not self.temp.exists():
            return None
        try:
            if not succeeded and self.target.exists():
                if self.temp.stat().st_size == 0:
                    self.temp.unlink()
                    return None
                os.replace(self.temp, self.partial)
                return self.partial
            if self.target.exists():
                mode = self.target.stat().st_mode & 0o777
                os.chmod(self.temp, mode)  # keep the permissions the user gave the file
            else:
                os.chmod(self.temp, 0o666 & ~_umask())
            os.replace(self.temp, self.target)
            return self.target
        except OSError as err:
            raise InputError(f"cannot move the results into place ({err.strerror or err}); they are in "
                             f"{self.temp}", source=str(self.target)) from err

    def discard(self) -> None:
        """Remove the temporary file (the run is not going to write it)."""
        self.temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
