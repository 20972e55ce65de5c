#!/bin/sh
# The lab virqs (tests/labs/virqs/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: virqs
# timeout: 240
. /tests/lib.sh
lab_solution virqs
exit 0
