# Written by StepCare at 899ecc6 (record format stepcare-case/1) with:
#   stepcare run caseload-v1.sc --db v1.sqlite --context training && sqlite3 v1.sqlite .dump
# The dump is caseload-v1.sql (application_id added at its top). Kept as the v1 -> v2 migration fixture.
today 2026-01-05T09:00
user add raj --role clinical-lead
login raj
user add ana --role clinician
user add lee --role supervisor
case new C001 --referred 2026-01-05 --prefers tier-1 --demographics "age-band=25-34,sex=female"
record score phq9 2 2 2 2 1 1 1 1 1
record score gad7 1 1 1 1 1 1 1 --at 2026-01-05T10:30
advance 1d
as ana place
record attended
record no-show
record crisis
record ed-visit
record medication-concern
record plan safety --summary "call the crisis line"
as ana record review risk
as ana record review structured
as lee record review supervisor
as ana step-up tier-2
as ana record review structured
record plan stability --warning-signs "sleep \"poor\"" --coping "walk" --reaccess "ring the team" --follow-up "2 calls"
as ana step-down tier-1 --cosign lee
as ana override tier-3 --reason "crisis – out of hours" --cosign raj
as ana record review structured
as ana discharge --reason "completed"
case new C002
record score cssrs 1 1 0 0 0 - 0
record score k10 4 3 2 1 0 0 1 2 3 4 --variant us-abs
record score phq15 0 1 2 n/a 1 0 1 2 0 1 0 1 2 0 1
login ana
break-glass --reason "night cover"
case new C003
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C004
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C005
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C006
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C007
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C008
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C009
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C010
as ana place
as ana override tier-3 --reason "r" --cosign lee
case new C011
as ana place
as ana override tier-3 --reason "r" --cosign lee
