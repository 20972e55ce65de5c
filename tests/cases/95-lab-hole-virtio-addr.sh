#!/bin/sh
# The lab hole-virtio-addr (tests/labs/hole-virtio-addr/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hole-virtio-addr
# timeout: 240
. /tests/lib.sh
lab_solution hole-virtio-addr
exit 0
