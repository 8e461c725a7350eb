// Short lesson notes, each folded until the learner opens it.

export function Lessons() {
  return (
    <section className="panel lessons" aria-labelledby="lessons-title">
      <h2 id="lessons-title">What to look for</h2>
      <details open>
        <summary>Why the learning rate α matters most</summary>
        <p>
          Of all the knobs here, α has the largest effect. Too small and the cost creeps down for thousands of
          steps; too large and it jumps around or explodes to NaN (the run is then marked <em>diverged</em>).
          Momentum β, the mini-batch size and the number of hidden units come next; layers and learning-rate
          decay after those. Adam's β1 = 0.9, β2 = 0.999 and ε = 10⁻⁸ are almost never worth tuning.
        </p>
        <p>
          Try it: train at α = 0.0001, then 0.01, then 1, and compare the curves. Since you cannot know in
          advance which knob matters for a new problem, try random combinations rather than a grid — a grid
          wastes most runs on values of knobs that do not matter. When one region looks good, zoom in and
          sample it more densely (coarse to fine).
        </p>
      </details>
      <details>
        <summary>Why sample α on a log scale</summary>
        <p>
          Suppose good values of α lie anywhere between 0.0001 and 1. Picking uniformly in that interval puts
          about 90% of the picks between 0.1 and 1, and only about 10% in the three decades below. On a log
          scale you pick an exponent r uniformly between a = −4 and b = 0 and use α = 10<sup>r</sup>, so each
          decade (0.0001–0.001, …, 0.1–1) gets the same number of tries.
        </p>
        <p>
          The same idea applies to averaging parameters like momentum β in [0.9, 0.999]: sample 1 − β on a log
          scale (between 0.1 and 0.001). Near 1 small changes matter — β = 0.999 averages about 1000 steps,
          0.9995 about 2000 — while 0.9 versus 0.9005 makes no difference.
        </p>
        <p>
          Many models at once (Train all) is the “caviar” strategy; nursing one model and adjusting it while
          it trains (Pause, change, Train again) is the “panda” strategy, for when you can afford only one.
        </p>
      </details>
      <details>
        <summary>What batch norm does</summary>
        <p>
          In each hidden layer, batch norm takes the pre-activation values z of the current mini-batch,
          subtracts their mean μ and divides by their standard deviation: z_norm = (z − μ) / √(σ² + ε). It
          then computes z̃ = γ·z_norm + <strong>BN β (shift)</strong>, where γ and BN β are learned by gradient
          descent like the weights, and feeds z̃ (not z) to the activation function.
        </p>
        <p>
          Why γ and BN β? A layer may not want mean 0 and variance 1 — a sigmoid would then stay in its nearly
          linear middle. With γ = √(σ² + ε) and BN β = μ the layer could even undo the normalisation. This BN
          β is a shift and has nothing to do with the β of momentum or Adam.
        </p>
        <p>
          The layer's bias b becomes redundant: whatever constant it adds is removed again when the mean is
          subtracted, and BN β takes over its role. At test time there is no mini-batch to average over, so
          the network uses running averages of μ and σ² collected during training.
        </p>
        <p>
          Try it: switch Batch norm on and train again with a large α — the network usually tolerates a much
          wider range of learning rates.
        </p>
      </details>
      <details>
        <summary>Normalizing inputs</summary>
        <p>
          Before training, subtract each input feature's mean over the training set and divide by its standard
          deviation; the dev set is transformed with the same numbers. Features on similar scales make the
          cost surface rounder, so gradient descent can take larger steps without zig-zagging. Batch norm
          applies the same idea inside the network, to every hidden layer.
        </p>
      </details>
    </section>
  );
}
