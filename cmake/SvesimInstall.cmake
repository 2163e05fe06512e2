# `cmake --install`: headers, static libraries, the svesim command, a CMake package
# (svesimConfig.cmake + version file, targets svesim::<layer> and svesim::svesim) and svesim.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SVESIM_LAYERS arch gic sve exceptions mmu isa model boot tlm scenarios)

# svesim::svesim: what a virtual platform links to get the Cpu module and the checker.
add_library(svesim_all INTERFACE)
add_library(svesim::svesim ALIAS svesim_all)
target_link_libraries(svesim_all INTERFACE svesim_tlm svesim_scenarios)
set_target_properties(svesim_all PROPERTIES EXPORT_NAME svesim)

# Consumers need C++20 for the headers; SystemC users get SC_CPLUSPLUS from svesim::tlm.
target_compile_features(svesim_arch PUBLIC cxx_std_20)

set(targets svesim_all)
foreach(layer IN LISTS SVESIM_LAYERS)
  set_target_properties(svesim_${layer} PROPERTIES EXPORT_NAME ${layer})
  list(APPEND targets svesim_${layer})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${layer}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()

install(TARGETS ${targets} EXPORT svesimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS svesim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The scenario programs, where the installed svesim looks for them (bin/../share/svesim/scenarios).
if(TARGET svesim_scenario_programs)
  install(DIRECTORY ${PROJECT_BINARY_DIR}/scenarios/programs/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/svesim/scenarios FILES_MATCHING PATTERN "*.elf")
endif()

# The kit for writing scenario programs of your own (docs/scenarios.md): the macros the shipped
# scenarios use, their linker script and a template program, in share/svesim/scenario.
install(FILES ${PROJECT_SOURCE_DIR}/scenarios/kvm/macros.inc ${PROJECT_SOURCE_DIR}/scenarios/kvm/link.ld
              ${PROJECT_SOURCE_DIR}/scenarios/template/my_scenario.S
        DESTINATION ${CMAKE_INSTALL_DATADIR}/svesim/scenario)

set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/svesim)
install(EXPORT svesimTargets NAMESPACE svesim:: DESTINATION ${cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/svesimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/svesimConfig.cmake INSTALL_DESTINATION ${cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/svesimConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/svesimConfig.cmake ${PROJECT_BINARY_DIR}/svesimConfigVersion.cmake
        DESTINATION ${cmake_dir})

# svesim.pc is relocatable: its prefix is found from where the file lies (cmake --install --prefix).
file(RELATIVE_PATH SVESIM_PC_UP /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
configure_file(${PROJECT_SOURCE_DIR}/cmake/svesim.pc.in ${PROJECT_BINARY_DIR}/svesim.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/svesim.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
