"""Validate a form against the contract without ever dropping it.

A field that fails validation is set to null and named in a warning, so the
rest of the form still reaches the user.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from perfparse.validate.records import Form

_MAX_TRIES = 20


def _drop(data: Any, loc: tuple[int | str, ...]) -> None:
    for part in loc[:-1]:
        data = data[part]
    if isinstance(data, dict):
        data[loc[-1]] = [] if isinstance(data.get(loc[-1]), list) else None
    elif isinstance(data, list):
        data.pop(int(loc[-1]))


def validate_form(form: dict[str, Any]) -> Form:
    for _ in range(_MAX_TRIES):
        try:
            return Form.model_validate(form)
        except ValidationError as e:
            for err in e.errors():
                loc = err["loc"]
                form.setdefault("warnings", []).append({
                    "code": "invalid-field", "field": ".".join(map(str, loc)),
                    "message": f"{'.'.join(map(str, loc))}: {err['msg']} "
                               f"(value {err.get('input')!r}); set to null"})
                if loc and loc[0] != "warnings":
                    _drop(form, loc)
                    break
    raise RuntimeError(f"form {form.get('form_index')} could not be validated")
