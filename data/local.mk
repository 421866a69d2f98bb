# data/: the VM size catalogue and the sandbox's world.
