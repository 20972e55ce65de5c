#!/bin/sh
# Lab hole-virtio-addr: the Launcher must check every descriptor's buffer
# against guest RAM before it reads or writes it.
# timeout: 90
. /tests/lib.sh
outside() {
	bad_block_driver bad-addr '^lguest: block: descriptor 1: buffer 0xc0000000\+0x200 is outside guest RAM: the device needs a reset$'
}
block() {
	load_lg
	make_disk
	run_guest 30 --block=$disk 32 "$TESTGUEST" test=block
	guest_passed block-verify
}
lab_check "a buffer outside guest RAM is refused (test=bad-addr)" outside
lab_check "the block device still works (test=block)" block
lab_score hole-virtio-addr
