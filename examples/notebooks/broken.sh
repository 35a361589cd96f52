# A stand-in "notebook" that fails the way a real one does: output, then an error and a non-zero
# exit code. The end of its output becomes the run's error message and its task log.
echo "reading sales for region ${NOTEBOOK_PARAM_REGION:-emea}"
echo "Traceback (most recent call last):" >&2
echo "ValueError: no rows for region ${NOTEBOOK_PARAM_REGION:-emea}" >&2
exit 1
