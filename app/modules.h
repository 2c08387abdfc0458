#pragma once
// The composition root: which modules make up Vakt. Every program calls registerModules()
// first, so all of them migrate, check and permit the same set of modules.
namespace vakt::app {

void registerModules();

}  // namespace vakt::app
