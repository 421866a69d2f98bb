# completion/: bash completion, installed where bash-completion looks
# (configure's bashcompletiondir); its test.
dist_bashcompletion_DATA = completion/akswiz
TESTS += completion/completion-test.sh
EXTRA_DIST += completion/completion-test.sh
