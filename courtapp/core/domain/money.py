"""Money is Decimal in CNY with at most two places; the database stores integer fen."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from courtapp.core.domain.limits import MAX_AMOUNT

#: Longest text taken as an amount; longer input is a typo or an attack (a
#: million digits would take seconds to convert).
_MAX_AMOUNT_TEXT = 64
CENT = Decimal("0.01")


def parse_amount(value: object) -> Decimal:
    """Parse a decimal string (or int/Decimal) into a non-negative CNY amount.

    Raises ValueError with a rule code: ``amount.type`` (floats are refused:
    they cannot hold money exactly), ``amount.format``, ``amount.negative``,
    ``amount.places``, ``amount.too_large``.  Never anything else, whatever
    ``value`` is: 10**27, ``"1e999999"`` and ``"NaN"`` are refused by rule.
    """
    if isinstance(value, bool | float):
        raise ValueError("amount.type")
    if isinstance(value, int | Decimal):
        d = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if len(text) > _MAX_AMOUNT_TEXT:
            raise ValueError("amount.too_large" if text.isdigit() else "amount.format")
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
    # Before quantize: 10**27 has more digits than the context's precision,
    # and quantize would raise InvalidOperation.
    if d >= MAX_AMOUNT:
        raise ValueError("amount.too_large")
    if d != 0 and d.adjusted() < -2:  # 0.001 and smaller: more than two places
        raise ValueError("amount.places")
    if d != d.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError("amount.places")
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
    "amount.too_large": (
        "the amount is implausibly large: any amount is below 10,000,000,000,000 yuan (ten trillion)",
        "金额过大：任何金额均应小于10,000,000,000,000元（十万亿元）"),
    "amount.positive": ("the amount must be greater than zero", "金额应大于零"),
}
