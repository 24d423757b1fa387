# Source this (". tests/vk_env.sh") to run the Vulkan tests on Mesa lavapipe (software
# Vulkan, no GPU). Variables already set by the caller are kept.
lvp=$(ls /usr/share/vulkan/icd.d/lvp_icd.*.json 2>/dev/null | head -n 1)
if [ -n "$lvp" ]; then
  : "${VK_DRIVER_FILES:=$lvp}"        # newer loaders
  : "${VK_ICD_FILENAMES:=$VK_DRIVER_FILES}" # older loaders
  export VK_DRIVER_FILES VK_ICD_FILENAMES
fi
# keep Mesa's shader cache inside build/, and give the loader a private runtime dir
: "${XDG_CACHE_HOME:=$PWD/build/cache}"
: "${MESA_SHADER_CACHE_DIR:=$XDG_CACHE_HOME/mesa}"
: "${XDG_RUNTIME_DIR:=$PWD/build/xdg-runtime}"
mkdir -p "$XDG_CACHE_HOME" "$MESA_SHADER_CACHE_DIR" && mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export XDG_CACHE_HOME MESA_SHADER_CACHE_DIR XDG_RUNTIME_DIR
