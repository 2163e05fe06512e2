// Prints "NAME op0 op1 crn crm op2" for every GIC and generic-timer system register of the
// tables, for check_sysreg_names.sh to hold against llvm-mc.
#include "svesim/gic/sysregs.h"
#include "svesim/model/generic_timer.h"

#include <cstdio>
#include <string>

int main() {
    for (const svesim::gic::GicSysRegInfo& i : svesim::gic::gicSysRegTable())
        std::printf("%s %u %u %u %u %u\n", std::string(i.name).c_str(), i.enc.op0, i.enc.op1,
                    i.enc.crn, i.enc.crm, i.enc.op2);
    for (const svesim::model::TimerRegInfo& i : svesim::model::timerRegTable())
        std::printf("%s %u %u %u %u %u\n", std::string(i.name).c_str(), i.op0, i.op1, i.crn, i.crm,
                    i.op2);
    return 0;
}
