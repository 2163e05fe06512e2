# svesim_target_defaults(<target>): warnings, -Werror in CI, sanitizers on request.
function(svesim_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  if(SVESIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SVESIM_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer
                                            -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
