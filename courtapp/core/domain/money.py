"""Money is Decimal in CNY with at most two places; the database stores integer fen."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: Upper bound for any single amount: ten trillion yuan.  Larger input is a typo.
MAX_AMOUNT = Decimal("10000000000000")
CENT = Decimal("0.01")


def parse_amount(value: object) -> Decimal:
    """Parse a decimal string (or int/Decimal) into a non-negative CNY amount.

    Raises ValueError with a rule code: ``amount.type`` (floats are refused:
    they cannot hold money exactly), ``amount.format``, ``amount.negative``,
    ``amount.places``, ``amount.too_large``.
    """
    if isinstance(value, bool | float):
        raise ValueError("amount.type")
    if isinstance(value, int | Decimal):
        d = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValueError("amount.format") from None
    else:
        raise ValueError("amount.type")
    if not d.is_finite():
        raise ValueError("amount.format")
    if d < 0:
        raise ValueError("amount.negative")
    if d != d.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError("amount.places")
    if d >= MAX_AMOUNT:
        raise ValueError("amount.too_large")
    # copy_abs: "-0" passes the sign check but would be written back as "-0.00".
    return d.quantize(CENT).copy_abs()


def to_fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_exact())


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_amount(amount: Decimal) -> str:
    """``1234567.5`` → ``1,234,567.50``."""
    return f"{amount.quantize(CENT):,.2f}"


AMOUNT_MESSAGES: dict[str, tuple[str, str]] = {
    "amount.type": (
        "an amount is a string holding a decimal number (floats are refused)",
        "金额应为表示十进制数的字符串（不接受浮点数）",
    ),
    "amount.format": ("an amount must be a decimal number", "金额应为十进制数"),
    "amount.negative": ("an amount cannot be negative", "金额不能为负数"),
    "amount.places": ("an amount has at most two decimal places (fen)", "金额最多保留两位小数（分）"),
    "amount.too_large": ("the amount is implausibly large", "金额过大"),
    "amount.positive": ("the amount must be greater than zero", "金额应大于零"),
}
