#!/bin/sh
# A misbehaving block driver: a buffer lies outside guest RAM.  The
# Launcher must say so, mark the device DEVICE_NEEDS_RESET, keep running
# (the guest resets the device and reads again) and leave the file alone.
# timeout: 60
. /tests/lib.sh
bad_block_driver bad-addr \
	'^lguest: block: descriptor 1: buffer 0xc0000000\+0x200 is outside guest RAM: the device needs a reset$'
exit 0
