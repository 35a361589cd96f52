# A stand-in "notebook" for the quick start: the standalone app's command runner runs
# examples/notebooks/<entity id>.sh with sh. It gets the run's values in its environment.
echo "hello from ${NOTEBOOK_ENTITY_NAME} (${NOTEBOOK_ENTITY_TYPE} ${NOTEBOOK_ENTITY_ID}), run for ${NOTEBOOK_OWNER}"
echo "business date: ${NOTEBOOK_PARAM_SYSTEM_BIZ_DATE:-none}; parameters: ${NOTEBOOK_PARAMETERS}"
echo "42 rows written"
