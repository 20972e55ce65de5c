#!/bin/sh
# A misbehaving block driver: a chain of descriptors loops.  The
# Launcher must say so, mark the device DEVICE_NEEDS_RESET, keep running
# (the guest resets the device and reads again) and leave the file alone.
# timeout: 60
. /tests/lib.sh
bad_block_driver bad-loop \
	'^lguest: block: descriptor 0: the chain loops: the device needs a reset$'
exit 0
