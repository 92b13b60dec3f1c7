# Self-contained units of the reference server (manifest parsing, upload state machine, page
# tokens) and their unit tests. Included by reference/CMakeLists.txt.
add_library(ecrc_reference_units STATIC
  ${CMAKE_CURRENT_LIST_DIR}/manifest.cc
  ${CMAKE_CURRENT_LIST_DIR}/upload_session.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_token.cc)
target_link_libraries(ecrc_reference_units PUBLIC ecrc_codec OpenSSL::Crypto)

ecrc_test(reference_units_test
  ${CMAKE_CURRENT_LIST_DIR}/manifest_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/upload_session_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_token_test.cc)
target_link_libraries(reference_units_test PRIVATE ecrc_reference_units)
