# dive.h - build everything into build/, `make test` runs the suite.
#   make            build tests, examples and benchmarks
#   make test       run every tests/test_*.c program (CPU; Vulkan where a device exists)
#   make demo       install what is missing, build, run the DiVE pipeline on Fashion-MNIST-LT
CC      ?= cc
CXX     ?= c++
OPT     ?= -O2
CFLAGS  ?= -std=c99 $(OPT) -g -Wall -Wextra -I.
CXXFLAGS?= -std=c++11 $(OPT) -g -Wall -Wextra -I.
OMP     ?= -fopenmp
LDLIBS  ?= -lm -ldl -lpthread
B       := build

TEST_SRC  := $(wildcard tests/test_*.c)
TESTS     := $(patsubst tests/%.c,$(B)/%,$(TEST_SRC)) $(B)/test_compile_cpp
EX_SRC    := $(wildcard examples/*.c)
EXAMPLES  := $(patsubst examples/%.c,$(B)/%,$(EX_SRC))
BENCH_SRC := $(wildcard bench/bench_*.c)
BENCHES   := $(patsubst bench/%.c,$(B)/%,$(BENCH_SRC)) $(B)/cross_check

# The demo: the whole DiVE pipeline (CE baseline, BSCE teacher, VE analysis, DiVE
# student) on Fashion-MNIST-LT IF 100, sized to end in about 10 minutes on 2 CPU cores:
# a ResNet-8 (the recipe's ResNet-32 is `make accuracy`-sized) and DEMO_EPOCHS epochs.
DEMO_EPOCHS ?= 6
DEMO_FLAGS  ?= --pipeline --baseline --depth 8 --epochs $(DEMO_EPOCHS) --out out/demo

.PHONY: all test clean demo deps
all: $(TESTS) $(EXAMPLES) $(BENCHES)

deps:
	@sh scripts/deps.sh

demo: deps
	$(MAKE) $(B)/fashion_mnist_lt
	./$(B)/fashion_mnist_lt $(DEMO_FLAGS)

$(B):
	mkdir -p $(B)
$(B)/test_%: tests/test_%.c dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
$(B)/test_compile_cpp: tests/test_compile_cpp.cpp dive.h | $(B)
	$(CXX) $(CXXFLAGS) -Werror $(OMP) $< -o $@ $(LDLIBS)
$(B)/%: examples/%.c examples/dive_cli.h dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
$(B)/cross_check: bench/cross_check.c dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)
$(B)/bench_%: bench/bench_%.c dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS)

# Every test runs its CPU cases and, where a Vulkan device exists (lavapipe in CI), its
# Vulkan cases with the Khronos validation layer on: any validation message fails.
# DIVE_REQUIRE_VULKAN=1 turns a missing device into a failure.
test: deps
	$(MAKE) $(TESTS) $(EXAMPLES)
	@python3 shaders/embed.py --check
	@. tests/vk_env.sh && DIVE_VK_VALIDATION=1 sh tests/run.sh $(TESTS) tests/test_cli.sh

clean:
	rm -rf $(B)

# --- Vulkan backend: shaders and tests (docs/vulkan.md) ---
.PHONY: shaders shaders-check test-vulkan
shaders:            # compile shaders/*.comp and regenerate the SPIR-V block in dive.h
	python3 shaders/embed.py
shaders-check:      # CI: fail when the embedded SPIR-V is stale
	python3 shaders/embed.py --check
test-vulkan: $(B)/test_vulkan   # lavapipe (or any device), validation on, fails without a device
	@. tests/vk_env.sh && DIVE_BACKEND=vulkan DIVE_REQUIRE_VULKAN=1 DIVE_VK_VALIDATION=1 ./$(B)/test_vulkan

# --- CPU benchmarks (docs/perf-cpu.md); not part of `make test` (they need PyTorch / OpenBLAS) ---
.PHONY: bench-cpu bench-gemm
bench-cpu: $(B)/bench_resnet   # ResNet-32 dive.h vs PyTorch on all cores; ends "train img/s: ..."
	@sh bench/cpu.sh
bench-gemm: $(B)/gemm_openblas # conv GEMM shapes: dive.h kernels vs OpenBLAS vs the FMA peak
	@env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ./$(B)/gemm_openblas
$(B)/gemm_openblas: bench/gemm_openblas.c dive.h | $(B)
	$(CC) $(CFLAGS) $(OMP) $< -o $@ $(LDLIBS) -lopenblas
