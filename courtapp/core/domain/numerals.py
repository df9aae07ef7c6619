"""Chinese numerals as court documents print them (第二百六十六条, 之十三, 二年)."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 105 → 一百零五, 114 → 一百一十四, 266 → 二百六十六.

    Numbers from 10 to 19 drop the leading 一 (十三), as in 之十三 and 第十条; from
    100 on every ten is written (一百一十四), as the statutes number their articles.
    Numbers of 10,000 or more are written in Arabic digits.
    """
    if n <= 0:
        raise ValueError(f"a Chinese numeral is for a positive number, not {n}")
    if n >= 10000:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero, rest = "", False, n
    for value, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, rest = divmod(rest, value)
        if d:
            out += ("零" if zero else "") + _DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + _DIGITS[rest]
    return out
