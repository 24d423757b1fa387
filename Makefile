# dive.h - build everything into build/, `make test` runs the suite.
#   make            build tests, examples and benchmarks (in parallel: -j nproc by default)
#   make test       run every tests/test_*.c program (CPU; Vulkan where a device exists)
#   make demo       install what is missing, build, run the DiVE pipeline on Fashion-MNIST-LT
#   make test-arm   the aarch64 (NEON) build under qemu-user: test_ops, test_ref, test_wino
# The implementation is compiled once into build/dive.o; every program that uses only the
# public API (examples, most benchmarks, the tests that do not define DIVE_IMPLEMENTATION
# themselves) links it. Tests that reach into the internals define DIVE_IMPLEMENTATION in
# their own file and build alone. CI adds WERROR=-Werror.
CC      ?= cc
CXX     ?= c++
OPT     ?= -O2
WARN    ?= -Wall -Wextra -Wshadow
WERROR  ?=
CFLAGS  ?= -std=c99 $(OPT) -g $(WARN) $(WERROR) -I.
CXXFLAGS?= -std=c++11 $(OPT) -g $(WARN) $(WERROR) -I.
OMP     ?= -fopenmp
LDLIBS  ?= -lm -ldl -lpthread
B       := build
NPROC   := $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS += -j$(NPROC)

TEST_SRC  := $(wildcard tests/test_*.c)
TESTS     := $(patsubst tests/%.c,$(B)/%,$(TEST_SRC)) $(B)/test_compile_cpp
# tests/test_*.c that do not define DIVE_IMPLEMENTATION link build/dive.o
LINKED_TESTS := $(patsubst tests/%.c,$(B)/%,$(shell grep -L '^\#define DIVE_IMPLEMENTATION' $(TEST_SRC)))
EX_SRC    := $(wildcard examples/*.c)
EXAMPLES  := $(patsubst examples/%.c,$(B)/%,$(EX_SRC))
BENCH_SRC := $(wildcard bench/bench_*.c)
BENCHES   := $(patsubst bench/%.c,$(B)/%,$(BENCH_SRC)) $(B)/cross_check $(B)/fma_peak
LINKED_BENCH := $(patsubst bench/%.c,$(B)/%,$(shell grep -L '^\#define DIVE_IMPLEMENTATION' $(BENCH_SRC) bench/cross_check.c))

# The demo: the whole DiVE pipeline (CE baseline, BSCE teacher, VE analysis, DiVE
# student) on Fashion-MNIST-LT IF 100, sized to end in minutes on 2 CPU cores (about 3
# here): a ResNet-8 (the recipe's ResNet-32 is what `sh bench/accuracy` runs) and
# DEMO_EPOCHS epochs per stage.
DEMO_EPOCHS ?= 10
DEMO_FLAGS  ?= --pipeline --baseline --depth 8 --epochs $(DEMO_EPOCHS) --out out/demo

.PHONY: all test clean demo deps test-arm
all: $(TESTS) $(EXAMPLES) $(BENCHES)

deps:
	@sh scripts/deps.sh

demo: deps
	$(MAKE) $(B)/fashion_mnist_lt
	./$(B)/fashion_mnist_lt $(DEMO_FLAGS)

$(B):
	mkdir -p $(B)
# the implementation, once (and once more with the Vulkan fault-injection hook)
$(B)/dive.o: dive.h | $(B)
	printf '#define DIVE_IMPLEMENTATION\n#include "dive.h"\n' > $(B)/dive_impl.c
	$(CC) $(CFLAGS) $(OMP) -c $(B)/dive_impl.c -o $@
$(B)/dive_vkfaults.o: dive.h | $(B)
	printf '#define DIVE_VK_FAULTS\n#define DIVE_IMPLEMENTATION\n#include "dive.h"\n' > $(B)/dive_vkfaults_impl.c
	$(CC) $(CFLAGS) $(OMP) -c $(B)/dive_vkfaults_impl.c -o $@
$(LINKED_TESTS): $(B)/test_%: tests/test_%.c tests/test_util.h dive.h $(B)/dive.o | $(B)
	$(CC) $(CFLAGS) $(OMP) $< $(B)/dive.o -o $@ $(LDLIBS)
$(B)/test_%: tests/test_%.c tests/test_util.h tests/test_alloc.h tests/ref_util.h dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
$(B)/test_compile_cpp: tests/test_compile_cpp.cpp dive.h | $(B)
	$(CXX) $(CXXFLAGS) -Werror $(OMP) $< -o $@ $(LDLIBS)
$(B)/%: examples/%.c examples/dive_cli.h examples/dive_modes.h examples/dive_report.h dive.h $(B)/dive.o | $(B)
	$(CC) $(CFLAGS) $(OMP) $< $(B)/dive.o -o $@ $(LDLIBS)
# with the Vulkan fault-injection hook (DIVE_VK_FAULT=oom:N|lost:N), for tests/test_vkfaults_cli.sh
$(B)/cifar_lt_vkfaults: examples/cifar_lt.c examples/dive_cli.h examples/dive_modes.h examples/dive_report.h dive.h $(B)/dive_vkfaults.o | $(B)
	$(CC) $(CFLAGS) $(OMP) $< $(B)/dive_vkfaults.o -o $@ $(LDLIBS)
$(LINKED_BENCH): $(B)/%: bench/%.c bench/bench_util.h dive.h $(B)/dive.o | $(B)
	$(CC) $(CFLAGS) $(OMP) $< $(B)/dive.o -o $@ $(LDLIBS)
$(B)/bench_%: bench/bench_%.c bench/bench_util.h dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
$(B)/fma_peak: bench/fma_peak.c bench/bench_util.h dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)

# Every test runs its CPU cases and, where a Vulkan device exists (lavapipe in CI), its
# Vulkan cases with the Khronos validation layer on: any validation message fails.
# DIVE_REQUIRE_VULKAN=1 turns a missing device into a failure.
test: deps
	$(MAKE) $(TESTS) $(EXAMPLES) $(B)/cifar_lt_vkfaults $(B)/ckpt_check $(B)/zoo_tv
	@python3 shaders/embed.py --check
	@. tests/vk_env.sh && DIVE_VK_VALIDATION=1 sh tests/run.sh $(SLOW_TESTS) \
	  $(filter-out $(SLOW_TESTS),$(TESTS) tests/test_vkfaults_cli.sh tests/test_compile.sh tests/test_wino.sh)

# the longest first, so that the parallel runs end together
SLOW_TESTS := $(B)/test_zoo tests/test_torchvision.sh tests/test_cli.sh tests/test_modes.sh \
	  $(B)/test_ops $(B)/test_vulkan tests/test_cli_arch.sh

clean:
	rm -rf $(B) build-arm

# aarch64: cross-built without Vulkan into build-arm/, run under qemu-user (tests/arm.sh):
# the NEON and portable kernels against the serial reference and the PyTorch fixture
ARM_CC     ?= aarch64-linux-gnu-gcc
ARM_CFLAGS ?= -std=c99 $(OPT) -g $(WARN) $(WERROR) -I. -DDIVE_NO_VULKAN -fopenmp
build-arm/test_%: tests/test_%.c tests/test_util.h tests/ref_util.h dive.h
	@mkdir -p build-arm
	$(ARM_CC) $(ARM_CFLAGS) $< -o $@ -lm -lpthread
test-arm: deps
	$(MAKE) build-arm/test_ops build-arm/test_ref build-arm/test_wino
	@sh tests/arm.sh

# --- Vulkan backend: shaders and tests (docs/vulkan.md) ---
.PHONY: shaders shaders-check test-vulkan
shaders:            # compile shaders/*.comp and regenerate the SPIR-V block in dive.h
	python3 shaders/embed.py
shaders-check:      # CI: fail when the embedded SPIR-V is stale
	python3 shaders/embed.py --check
test-vulkan: $(B)/test_vulkan   # lavapipe (or any device), validation on, fails without a device
	@. tests/vk_env.sh && DIVE_BACKEND=vulkan DIVE_REQUIRE_VULKAN=1 DIVE_VK_VALIDATION=1 ./$(B)/test_vulkan

# --- Data parallelism with MPI (docs/distributed.md) ---
#   make mpi        every example built with mpicc and DIVE_MPI as build/<example>_mpi
#   make test-mpi   tests/test_mpi.sh: 2 ranks on this machine (Open MPI or MPICH)
#   make bench-dist 1 and 2 ranks of 1 thread: img/s and the allreduce's time (bench/dist.sh)
.PHONY: mpi test-mpi bench-dist
MPICC ?= mpicc
$(B)/dive_mpi.o: dive.h | $(B)
	printf '#define DIVE_MPI\n#define DIVE_IMPLEMENTATION\n#include "dive.h"\n' > $(B)/dive_mpi_impl.c
	$(MPICC) $(CFLAGS) $(OMP) -c $(B)/dive_mpi_impl.c -o $@
$(B)/%_mpi: examples/%.c examples/dive_cli.h examples/dive_modes.h examples/dive_report.h dive.h $(B)/dive_mpi.o | $(B)
	$(MPICC) $(CFLAGS) $(OMP) -DDIVE_MPI $< $(B)/dive_mpi.o -o $@ $(LDLIBS)
$(B)/test_dist: tests/mpi/test_dist.c dive.h $(B)/dive_mpi.o | $(B)
	$(MPICC) $(CFLAGS) $(OMP) -DDIVE_MPI $< $(B)/dive_mpi.o -o $@ $(LDLIBS)
$(B)/bench_dist: bench/mpi/bench_dist.c dive.h $(B)/dive_mpi.o | $(B)
	$(MPICC) $(CFLAGS) $(OMP) -DDIVE_MPI $< $(B)/dive_mpi.o -o $@ $(LDLIBS)
mpi: $(patsubst examples/%.c,$(B)/%_mpi,$(EX_SRC))
test-mpi: $(B)/test_dist $(B)/fashion_mnist_lt_mpi $(B)/fashion_mnist_lt $(B)/ckpt_check
	@sh tests/run.sh tests/test_mpi.sh
bench-dist: $(B)/bench_dist
	@sh bench/dist.sh

# --- CPU benchmarks (docs/perf-cpu.md); not part of `make test` (they need PyTorch / OpenBLAS) ---
.PHONY: bench-cpu bench-gemm bench-zoo
bench-cpu: $(B)/bench_resnet   # ResNet-32 dive.h vs PyTorch on all cores; ends "train img/s: ..."
	@sh bench/cpu.sh
bench-zoo: $(B)/bench_zoo      # ResNet-50 / ResNeXt-50 vs torchvision, 224, batch 16 (ZOO_FLAGS="--size 112", ZOO_PAIRS=3)
	@sh bench/zoo.sh $(ZOO_FLAGS)
bench-gemm: $(B)/gemm_openblas # conv GEMM shapes: dive.h kernels vs OpenBLAS vs the FMA peak
	@env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ./$(B)/gemm_openblas
$(B)/gemm_openblas: bench/gemm_openblas.c bench/bench_util.h dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS) -lopenblas

# --- Reliability (docs/reliability.md) ---
# make fuzz          libFuzzer + ASan + UBSan on every file reader, FUZZ_SECONDS each (clang)
# make test-asan     the test suite built with ASan + UBSan into build-asan/ (CPU backend)
# make test-tsan     ThreadSanitizer over the loaders and tests/test_threads.c (build-tsan/)
# make test-reliability  kill -9 + --resume, full disk, non-finite loss (tests/test_reliability.sh)
# make soak          SOAK_STEPS (20000) training steps with RSS sampled (tests/test_soak.c)
.PHONY: fuzz test-asan asan-run test-tsan tsan-run test-reliability soak
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?=
FUZZ_CC      ?= clang
FUZZ_BINS    := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS  := -std=c99 -g -O1 -I. -DDIVE_NO_VULKAN -DDIVE_MAX_IMAGE_PIXELS='(1 << 22)' -Wno-parentheses \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                -fsanitize-ignorelist=tests/fuzz/ubsan_ignore.txt
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/ubsan_ignore.txt dive.h
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) $< -o $@ -lm -lpthread
build-fuzz/make_seeds: tests/fuzz/make_seeds.c dive.h
	@mkdir -p build-fuzz
	$(CC) -std=c99 -O1 -g -I. $< -o $@ -lm -lpthread
fuzz: $(FUZZ_BINS) build-fuzz/make_seeds
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) sh tests/fuzz/run.sh
$(B)/ckpt_check: tests/ckpt_check.c dive.h | $(B)
	$(CC) $(CFLAGS) $< -o $@ -lm -lpthread
$(B)/zoo_tv: tests/zoo_tv.c tests/ref_util.h dive.h | $(B)   # the dive.h half of tests/test_torchvision.sh
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
test-reliability: $(B)/fashion_mnist_lt $(B)/ckpt_check $(B)/test_faults
	@./$(B)/test_faults && sh tests/test_reliability.sh
# One build of every test with ASan + UBSan (+ LeakSanitizer). Every report is fatal
# (halt_on_error); tests/ubsan.supp lists the one accepted report, in a test-only header.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer
test-asan:
	$(MAKE) B=build-asan OPT=-O1 CFLAGS="-std=c99 -O1 -g $(WARN) $(WERROR) -I. $(ASAN_FLAGS)" \
	  CXXFLAGS="-std=c++11 -O1 -g $(WARN) $(WERROR) -I. $(ASAN_FLAGS)" asan-run
asan-run: $(TESTS)
	@VK_DRIVER_FILES=/dev/null VK_ICD_FILENAMES=/dev/null SOAK_STEPS=150 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=tests/ubsan.supp sh tests/run.sh $(TESTS)
# ThreadSanitizer over the data loaders' worker threads and the THREADING promises
# (test_data, test_threads), built without OpenMP (libgomp is not instrumented)
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
test-tsan:
	$(MAKE) B=build-tsan OPT=-O1 OMP= CFLAGS="-std=c99 -O1 -g $(WARN) $(WERROR) -I. $(TSAN_FLAGS)" tsan-run
tsan-run: $(B)/test_data $(B)/test_threads
	@VK_DRIVER_FILES=/dev/null VK_ICD_FILENAMES=/dev/null TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  sh tests/run.sh $(B)/test_data $(B)/test_threads
soak: $(B)/test_soak
	SOAK_STEPS=$(or $(SOAK_STEPS),20000) SOAK_EVERY=2500 ./$(B)/test_soak
