# End-to-end tests of `ecr-conform serve` through real clients (boto3 and the AWS CLI from the
# pyenv python3). Included by reference/CMakeLists.txt. Each script starts its own server from
# --binary (`serve --port 0`, URL read from the first stdout line) and stops it with SIGTERM.
find_program(ECRC_E2E_PYTHON NAMES python3)
find_program(ECRC_E2E_AWS NAMES aws)
set(_ecrc_e2e_dir ${CMAKE_CURRENT_LIST_DIR})
if(ECRC_E2E_PYTHON)
  execute_process(COMMAND ${ECRC_E2E_PYTHON} -c "import boto3"
                  RESULT_VARIABLE _ecrc_boto3_missing OUTPUT_QUIET ERROR_QUIET)
endif()
if(NOT ECRC_E2E_PYTHON OR _ecrc_boto3_missing)
  message(STATUS "e2e: no python3 with boto3; the end-to-end tests are not registered")
else()
  add_test(NAME e2e_boto3_workflow
           COMMAND ${ECRC_E2E_PYTHON} ${_ecrc_e2e_dir}/boto3_workflow.py --binary $<TARGET_FILE:ecr-conform>)
  set_tests_properties(e2e_boto3_workflow PROPERTIES TIMEOUT 120 LABELS e2e)
  set(_ecrc_e2e_aws_arg)
  if(ECRC_E2E_AWS)
    set(_ecrc_e2e_aws_arg --aws ${ECRC_E2E_AWS})
  endif()
  add_test(NAME e2e_fault_observability
           COMMAND ${ECRC_E2E_PYTHON} ${_ecrc_e2e_dir}/fault_observability.py --binary $<TARGET_FILE:ecr-conform>
                   ${_ecrc_e2e_aws_arg} --jobs 2)
  # Two servers at a time: keep other tests off the two cores while it runs.
  set_tests_properties(e2e_fault_observability PROPERTIES TIMEOUT 300 LABELS e2e RUN_SERIAL TRUE)
  if(ECRC_E2E_AWS)
    add_test(NAME e2e_cli_workflow
             COMMAND ${ECRC_E2E_PYTHON} ${_ecrc_e2e_dir}/cli_workflow.py --binary $<TARGET_FILE:ecr-conform>
                     --aws ${ECRC_E2E_AWS})
    set_tests_properties(e2e_cli_workflow PROPERTIES TIMEOUT 180 LABELS e2e)
  else()
    message(STATUS "e2e: no aws CLI; e2e_cli_workflow is not registered")
  endif()
endif()
