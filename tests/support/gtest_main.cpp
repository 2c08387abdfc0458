// One main for every GoogleTest program: Qt's event loop objects need an application, and the
// programs under test see the same modules as Vakt's own programs.
#include <QCoreApplication>
#include <gtest/gtest.h>

#include "app/modules.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    vakt::app::registerModules();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
