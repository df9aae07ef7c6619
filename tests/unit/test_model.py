"""Derived figures of the case model: amounts outstanding, days past the
deadline, performance of non-monetary obligations, and the stage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from courtapp.core.domain.model import (
    CONDUCT_GROUND,
    ConductRecord,
    ConductType,
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Party,
    PartyKind,
    Payment,
    Stage,
    derive_stage,
)

# The example: 50,000.00 due and a public apology; notice issued 2026-03-03,
# served 2026-03-05, deadline 2026-03-15; 10,000.00 paid on 2026-04-01.
DEADLINE = date(2026, 3, 15)
PAID_ON = date(2026, 4, 1)


def pay(case: EnforcementCase, amount: str, on: date = PAID_ON) -> None:
    case.payments.append(Payment(on=on, respondent=0, amount=Decimal(amount)))


def perform_apology(case: EnforcementCase, on: date = PAID_ON) -> None:
    case.payments.append(Payment(on=on, respondent=0, act="登报公开赔礼道歉", obligation=1))


def test_the_example_has_50000_due_and_40000_outstanding(example_case: EnforcementCase) -> None:
    assert example_case.total_due() == Decimal("50000.00")
    assert example_case.total_paid() == Decimal("10000.00")
    assert example_case.outstanding() == Decimal("40000.00")


def test_partial_payments_add_up(example_case: EnforcementCase) -> None:
    pay(example_case, "2500.50", date(2026, 4, 2))
    pay(example_case, "0.50", date(2026, 4, 3))
    assert example_case.outstanding() == Decimal("37499.00")


def test_an_overpayment_floors_the_outstanding_amount_at_zero(example_case: EnforcementCase) -> None:
    pay(example_case, "45000.00", date(2026, 4, 2))
    assert example_case.total_paid() == Decimal("55000.00")
    assert example_case.outstanding() == Decimal("0.00")


def test_payments_after_the_as_of_date_are_ignored(example_case: EnforcementCase) -> None:
    assert example_case.outstanding(as_of=date(2026, 3, 31)) == Decimal("50000.00")
    assert example_case.outstanding(as_of=PAID_ON) == Decimal("40000.00")  # the day itself counts
    assert example_case.total_paid(as_of=date(2026, 3, 31)) == Decimal("0.00")


def test_only_monetary_obligations_count_towards_the_amount_due(example_case: EnforcementCase) -> None:
    example_case.obligations.append(Obligation(ObligationKind.MONETARY, "利息", Decimal("1234.56")))
    example_case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "交付车辆"))
    assert example_case.total_due() == Decimal("51234.56")


@pytest.mark.parametrize(("as_of", "days"), [
    (date(2026, 3, 1), 0), (DEADLINE, 0), (date(2026, 3, 16), 1), (date(2026, 4, 14), 30),
])
def test_days_past_the_deadline(example_case: EnforcementCase, as_of: date, days: int) -> None:
    assert example_case.days_past_deadline(as_of) == days


def test_days_past_the_deadline_is_zero_without_a_notice(example_case: EnforcementCase) -> None:
    example_case.execution_notice = None
    assert example_case.days_past_deadline(date(2026, 6, 1)) == 0


def test_days_past_the_deadline_is_zero_once_everything_is_performed(
        example_case: EnforcementCase) -> None:
    pay(example_case, "40000.00")
    perform_apology(example_case)
    assert example_case.days_past_deadline(date(2026, 6, 1)) == 0
    # ...but not before the performance, as of an earlier day.
    assert example_case.days_past_deadline(date(2026, 3, 31)) == 16


def test_a_non_monetary_obligation_is_performed_by_an_act_naming_its_index(
        example_case: EnforcementCase) -> None:
    assert example_case.unperformed_acts() == [1]
    perform_apology(example_case, date(2026, 5, 1))
    assert example_case.unperformed_acts() == []
    assert example_case.unperformed_acts(as_of=date(2026, 4, 30)) == [1]


def test_an_act_without_an_obligation_index_performs_nothing(example_case: EnforcementCase) -> None:
    example_case.payments.append(Payment(on=PAID_ON, respondent=0, act="道歉"))
    assert example_case.unperformed_acts() == [1]


def test_an_obligation_index_without_an_act_performs_nothing(example_case: EnforcementCase) -> None:
    example_case.payments.append(Payment(on=PAID_ON, respondent=0, amount=Decimal("1"),
                                         obligation=1))
    assert example_case.unperformed_acts() == [1]


def test_full_performance_needs_the_money_and_every_act(example_case: EnforcementCase) -> None:
    pay(example_case, "40000.00")
    assert not example_case.fully_performed()
    assert example_case.partly_performed()
    perform_apology(example_case)
    assert example_case.fully_performed()
    assert not example_case.partly_performed()


def test_an_act_alone_is_partial_performance(example_case: EnforcementCase) -> None:
    example_case.payments.clear()
    assert not example_case.partly_performed()
    perform_apology(example_case)
    assert example_case.partly_performed()


# ------------------------------------------------------------------ stage
def test_stage_registered_without_a_notice(example_case: EnforcementCase) -> None:
    example_case.execution_notice = None
    assert example_case.stage(date(2026, 6, 1)) is Stage.REGISTERED


def test_stage_notice_issued_until_it_is_served(example_case: EnforcementCase) -> None:
    assert example_case.stage(date(2026, 3, 4)) is Stage.NOTICE_ISSUED  # served 03-05
    assert example_case.execution_notice is not None
    example_case.execution_notice.served_on = None
    example_case.execution_notice.service_method = None
    assert example_case.stage(date(2026, 6, 1)) is Stage.NOTICE_ISSUED


@pytest.mark.parametrize("as_of", [date(2026, 3, 5), DEADLINE])
def test_stage_performance_period_from_service_to_the_deadline(
        example_case: EnforcementCase, as_of: date) -> None:
    assert example_case.stage(as_of) is Stage.PERFORMANCE_PERIOD


def test_stage_in_default_after_the_deadline_with_nothing_performed(
        example_case: EnforcementCase) -> None:
    assert example_case.stage(date(2026, 3, 16)) is Stage.IN_DEFAULT  # the payment is later
    example_case.payments.clear()
    assert example_case.stage(date(2026, 6, 1)) is Stage.IN_DEFAULT


def test_stage_partly_performed_after_a_partial_payment(example_case: EnforcementCase) -> None:
    assert example_case.stage(PAID_ON) is Stage.PARTLY_PERFORMED


def test_stage_performed_when_everything_is_performed(example_case: EnforcementCase) -> None:
    pay(example_case, "40000.00", date(2026, 4, 10))
    perform_apology(example_case, date(2026, 4, 20))
    assert example_case.stage(date(2026, 4, 19)) is Stage.PARTLY_PERFORMED
    assert example_case.stage(date(2026, 4, 20)) is Stage.PERFORMED


def test_performance_before_the_deadline_is_performed_not_in_the_period(
        example_case: EnforcementCase) -> None:
    example_case.payments = [Payment(date(2026, 3, 10), 0, Decimal("50000.00"))]
    perform_apology(example_case, date(2026, 3, 10))
    assert example_case.stage(date(2026, 3, 12)) is Stage.PERFORMED


def test_a_case_without_obligations_is_never_performed(example_case: EnforcementCase) -> None:
    example_case.obligations.clear()
    example_case.payments.clear()
    assert example_case.stage(date(2026, 6, 1)) is Stage.IN_DEFAULT


def test_every_stage_is_reachable_through_derive_stage() -> None:
    d = date(2026, 1, 10)
    common = {"notice_issued_on": d, "deadline": date(2026, 1, 20)}
    reached = {
        derive_stage(performed=True, partly=False, notice_issued_on=None, served_on=None,
                     deadline=None, as_of=d),
        derive_stage(performed=False, partly=False, notice_issued_on=None, served_on=None,
                     deadline=None, as_of=d),
        derive_stage(performed=False, partly=False, served_on=None, as_of=d, **common),
        derive_stage(performed=False, partly=False, served_on=d, as_of=d, **common),
        derive_stage(performed=False, partly=False, served_on=d, as_of=date(2026, 2, 1), **common),
        derive_stage(performed=False, partly=True, served_on=d, as_of=date(2026, 2, 1), **common),
    }
    assert reached == set(Stage)


# --------------------------------------------------------- small helpers
def test_every_conduct_type_maps_to_one_of_the_grounds_2_to_6() -> None:
    assert set(CONDUCT_GROUND) == set(ConductType)
    assert set(CONDUCT_GROUND.values()) == {2, 3, 4, 5, 6}
    record = ConductRecord(ConductType.ASSET_TRANSFER, date(2026, 3, 10), "转移房产", 0)
    assert record.ground == 3


def test_finding_for_a_respondent_without_one_is_a_blank_finding(
        example_case: EnforcementCase) -> None:
    assert example_case.finding_for(0).able_to_perform is True
    blank = example_case.finding_for(1)
    assert blank == Finding(respondent=1)
    assert blank.able_to_perform is None


def test_a_partys_identifier_is_its_id_number_or_its_credit_code() -> None:
    person = Party(PartyKind.PERSON, "张三", id_number="360426199101010071")
    entity = Party(PartyKind.ENTITY, "某某公司", credit_code="91110000600037341L")
    assert person.identifier == "360426199101010071"
    assert entity.identifier == "91110000600037341L"
    assert Party(PartyKind.PERSON, "无名").identifier == ""


def test_the_execution_notice_is_served_once_it_has_a_service_date() -> None:
    n = ExecutionNotice(date(2026, 1, 1), date(2026, 1, 10))
    assert not n.served
    n.served_on = date(2026, 1, 2)
    assert n.served
