// SPDX-License-Identifier: GPL-2.0-only
/*
 * svesim study kernel: a kernel-mode NEON user in softirq context.
 *
 * A soft hrtimer (HRTIMER_MODE_REL_SOFT: its callback runs in HRTIMER_SOFTIRQ, on the way out
 * of the timer interrupt) calls kernel_neon_begin(), touches two NEON registers and calls
 * kernel_neon_end(), svesim_softirq_neon.hz times a second. kernel_neon_begin() saves whatever
 * FPSIMD/SVE state is bound to the CPU (fpsimd_save()) -- between a KVM guest exit and
 * kvm_arch_vcpu_put_fp() that is the guest's, which is the window of the 2021 review
 * (docs/studies/reverted-eager-zcr.md). Off unless the kernel command line says
 * svesim_softirq_neon.hz=N (1..10000).
 *
 * Counters in /sys/module/svesim_softirq_neon/parameters/ (one CPU is enough for the study; on
 * more the counts are approximate):
 *   uses         NEON sections run
 *   vcpu_loaded  ... of them while a vCPU was loaded on this CPU (vcpu_load..vcpu_put)
 *   guest_owned  ... of them while that vCPU's FP/SVE state was live in the registers
 *                (fp_state == FP_STATE_GUEST_OWNED): fpsimd_save() saved the guest's state
 *   skipped      callbacks where may_use_simd() said no
 */
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/kvm_host.h>
#include <linux/ktime.h>
#include <linux/moduleparam.h>
#include <asm/neon.h>
#include <asm/simd.h>

static unsigned int hz;
module_param(hz, uint, 0444);
MODULE_PARM_DESC(hz, "softirq kernel-mode NEON uses per second (0: off)");

static unsigned long uses, vcpu_loaded, guest_owned, skipped;
module_param(uses, ulong, 0444);
module_param(vcpu_loaded, ulong, 0444);
module_param(guest_owned, ulong, 0444);
module_param(skipped, ulong, 0444);

static struct hrtimer neon_timer;
static ktime_t period;

static enum hrtimer_restart svesim_neon_tick(struct hrtimer *timer)
{
	struct kvm_vcpu *vcpu = kvm_get_running_vcpu();

	if (in_serving_softirq() && may_use_simd()) {
		if (vcpu) {
			vcpu_loaded++;
			if (vcpu->arch.fp_state == FP_STATE_GUEST_OWNED)
				guest_owned++;
		}
		kernel_neon_begin();
		/*
		 * The kernel is built with -mgeneral-regs-only: the compiler keeps nothing in
		 * V0/V1, so no clobbers are needed for it; kernel_neon_begin() saved the owner's.
		 */
		asm volatile("movi	v0.16b, #0x5a\n\t"
			     "eor	v1.16b, v1.16b, v0.16b" ::: "memory");
		kernel_neon_end();
		uses++;
	} else {
		skipped++;
	}
	hrtimer_forward_now(timer, period);
	return HRTIMER_RESTART;
}

static int __init svesim_softirq_neon_init(void)
{
	if (hz == 0)
		return 0;
	if (hz > 10000) {
		pr_warn("svesim_softirq_neon: hz=%u is above 10000, off\n", hz);
		return -EINVAL;
	}
	period = ns_to_ktime(NSEC_PER_SEC / hz);
	hrtimer_init(&neon_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	neon_timer.function = svesim_neon_tick;
	hrtimer_start(&neon_timer, period, HRTIMER_MODE_REL_SOFT);
	pr_info("svesim_softirq_neon: kernel-mode NEON from a soft hrtimer at %u Hz\n", hz);
	return 0;
}
late_initcall(svesim_softirq_neon_init);
